package org.ishenim.indicators;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The indicators' settings, {@code ishenim.indicators.*} (docs/configuration.md): the largest gap before a census
 * date that still counts as on treatment, the longest run of uncovered days that retention survives, and the
 * smallest count published.
 */
@ConfigurationProperties("ishenim.indicators")
record IndicatorRules(@DefaultValue("7") int maxGapDays, @DefaultValue("14") int retentionGapDays,
        @DefaultValue("11") int minCell) {

    static final IndicatorRules DEFAULTS = new IndicatorRules(7, 14, 11);

    IndicatorRules {
        if (maxGapDays < 0 || retentionGapDays < 0 || minCell < 1) {
            throw new IllegalArgumentException("Gaps cannot be negative and the smallest cell is at least 1.");
        }
    }
}
