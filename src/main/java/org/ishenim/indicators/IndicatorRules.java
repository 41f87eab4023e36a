package org.ishenim.indicators;

/**
 * The indicators' settings (to become {@code ishenim.indicators.*}): the largest gap before a census date that still
 * counts as on treatment, the longest run of uncovered days that retention survives, and the smallest count
 * published.
 */
record IndicatorRules(int maxGapDays, int retentionGapDays, int minCell) {

    static final IndicatorRules DEFAULTS = new IndicatorRules(7, 14, 11);

    IndicatorRules {
        if (maxGapDays < 0 || retentionGapDays < 0 || minCell < 1) {
            throw new IllegalArgumentException("Gaps cannot be negative and the smallest cell is at least 1.");
        }
    }
}
