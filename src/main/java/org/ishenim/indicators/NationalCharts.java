package org.ishenim.indicators;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Server-side SVG bar charts for the national page, drawn as the reform pages draw theirs (no script, no styles,
 * presentation attributes only, so they pass the strict CSP and print in black and white), with two things those do
 * not have: a suppressed value is drawn as no bar and the mark {@code [c]}, never as a length; and an optional target
 * line (UNAIDS' 50 % coverage). Every chart is also given as a table next to it on the page.
 */
final class NationalCharts {

    private static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 170;
    private static final int VALUE_WIDTH = 70;
    private static final int BAR = 18;
    private static final String FILL = "#0b5cad";
    private static final String INK = "#1d2430";

    private NationalCharts() {
    }

    /**
     * Horizontal bars of shares (0..1), one per label; an empty value is suppressed (or has no denominator) and is
     * shown as {@code [c]}. {@code target}, when given, is drawn as a dashed line with its label.
     */
    static String shares(String title, List<String> labels, List<OptionalDouble> shares, Double target,
            String targetLabel) {
        int top = target == null ? 8 : 26;
        int height = top + Math.max(1, labels.size()) * (BAR + 6) + 8;
        double scale = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        for (int i = 0; i < labels.size(); i++) {
            int y = top + i * (BAR + 6);
            svg.append(text(LABEL_WIDTH - 6, y + BAR - 5, clip(labels.get(i)), "end"));
            OptionalDouble share = i < shares.size() ? shares.get(i) : OptionalDouble.empty();
            if (share.isPresent()) {
                double v = Math.max(0, Math.min(1, share.getAsDouble()));
                int w = (int) Math.round(v * scale);
                svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                        .append(Math.max(w, v > 0 ? 1 : 0)).append("\" height=\"").append(BAR).append("\" fill=\"")
                        .append(FILL).append("\"/>");
                svg.append(text(LABEL_WIDTH + w + 4, y + BAR - 5, percent(share.getAsDouble()), "start"));
            } else {
                svg.append(text(LABEL_WIDTH + 4, y + BAR - 5, ProtectedTable.MARK, "start"));
            }
        }
        if (target != null) {
            int x = LABEL_WIDTH + (int) Math.round(target * scale);
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(top - 4).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - 6).append("\" stroke=\"").append(INK)
                    .append("\" stroke-dasharray=\"4 3\"/>");
            svg.append(text(x, 14, targetLabel, "middle"));
        }
        svg.append("<line x1=\"").append(LABEL_WIDTH).append("\" y1=\"").append(top - 2).append("\" x2=\"")
                .append(LABEL_WIDTH).append("\" y2=\"").append(height - 6).append("\" stroke=\"").append(INK)
                .append("\"/>");
        return svg.append("</svg>").toString();
    }

    /**
     * A retention curve: the share retained (0..1) at each of {@code months} (0 to 12 on the horizontal axis), joined
     * by lines between neighbouring published points. An empty share is suppressed (or has no denominator): no point,
     * no line through it, and {@code [c]} at its month.
     */
    static String curve(String title, List<Integer> months, List<OptionalDouble> shares, String monthsLabel) {
        int left = 48;
        int top = 16;
        int plotWidth = WIDTH - left - 24;
        int plotHeight = 150;
        int bottom = top + plotHeight;
        int height = bottom + 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        for (int percent : new int[] { 0, 50, 100 }) {
            int y = bottom - plotHeight * percent / 100;
            svg.append(line(left, y, left + plotWidth, y, percent == 0 ? null : "2 3"));
            svg.append(text(left - 6, y + 4, percent + "%", "end"));
        }
        svg.append(line(left, top, left, bottom, null));
        for (int m = 0; m <= 12; m += 3) {
            int x = left + plotWidth * m / 12;
            svg.append(line(x, bottom, x, bottom + 4, null));
            svg.append(text(x, bottom + 17, Integer.toString(m), "middle"));
        }
        svg.append(text(left + plotWidth / 2, bottom + 34, monthsLabel, "middle"));
        Integer lastX = null;
        Integer lastY = null;
        for (int i = 0; i < months.size(); i++) {
            int x = left + plotWidth * months.get(i) / 12;
            OptionalDouble share = i < shares.size() ? shares.get(i) : OptionalDouble.empty();
            if (share.isEmpty()) {
                svg.append(text(x, bottom - 6, ProtectedTable.MARK, "middle"));
                lastX = null;
                lastY = null;
                continue;
            }
            double v = Math.max(0, Math.min(1, share.getAsDouble()));
            int y = bottom - (int) Math.round(v * plotHeight);
            if (lastX != null) {
                svg.append("<line x1=\"").append(lastX).append("\" y1=\"").append(lastY).append("\" x2=\"").append(x)
                        .append("\" y2=\"").append(y).append("\" stroke=\"").append(FILL)
                        .append("\" stroke-width=\"2\"/>");
            }
            svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"4\" fill=\"")
                    .append(FILL).append("\"/>");
            svg.append(text(x, y - 8, percent(share.getAsDouble()), "middle"));
            lastX = x;
            lastY = y;
        }
        return svg.append("</svg>").toString();
    }

    private static String line(int x1, int y1, int x2, int y2, String dashes) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + INK + "\""
                + (dashes == null ? "" : " stroke-dasharray=\"" + dashes + "\"") + "/>";
    }

    /** A share (0..1) as a percentage with one decimal, e.g. {@code 65.2%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** An SVG text in the charts' ink, escaped. */
    static String text(int x, int y, String s, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" fill=\"" + INK + "\">" + escape(s)
                + "</text>";
    }

    private static String clip(String s) {
        return s.length() <= 26 ? s : s.substring(0, 25) + "…";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
