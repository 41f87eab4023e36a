package org.ishenim.reform;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Server-side SVG charts: no script, no styles, presentation attributes only, so they pass the strict CSP and
 * print in black and white. Every chart is also given as a table next to it on the page.
 */
public final class Charts {

    /** One named series of values, one value per category. */
    public record Series(String name, List<Double> values) {
    }

    static final String[] FILLS = {"#0b5cad", "#b3261e", "#1b7a3a", "#9a6400"};
    private static final int WIDTH = 640;

    private Charts() {
    }

    /** Horizontal bars, one per label, each with its value written after it. */
    public static String bars(String title, List<String> labels, List<Double> values, DoubleFunction<String> format) {
        return grouped(title, labels, List.of(new Series(title, values)), format, false);
    }

    /** Horizontal bars grouped by label, one bar per series, with a legend. */
    public static String grouped(String title, List<String> labels, List<Series> series, DoubleFunction<String> format) {
        return grouped(title, labels, series, format, series.size() > 1);
    }

    private static String grouped(String title, List<String> labels, List<Series> series, DoubleFunction<String> format,
            boolean legend) {
        int labelWidth = 150;
        int valueWidth = 70;
        int barHeight = 16;
        int gap = 8;
        int groupHeight = series.size() * barHeight + gap;
        int top = legend ? 28 : 8;
        int height = top + Math.max(1, labels.size()) * groupHeight + 8;
        double max = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max().orElse(0);
        double scale = max <= 0 ? 0 : (WIDTH - labelWidth - valueWidth) / max;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        if (legend) {
            int x = labelWidth;
            for (int s = 0; s < series.size(); s++) {
                svg.append(rect(x, 6, 12, 12, FILLS[s % FILLS.length]));
                svg.append(text(x + 16, 16, series.get(s).name(), "start"));
                x += 24 + 7 * series.get(s).name().length();
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            int y = top + i * groupHeight;
            svg.append(text(labelWidth - 6, y + series.size() * barHeight / 2 + 4, clip(labels.get(i)), "end"));
            for (int s = 0; s < series.size(); s++) {
                double v = i < series.get(s).values().size() ? series.get(s).values().get(i) : 0;
                int w = (int) Math.round(v * scale);
                int by = y + s * barHeight;
                svg.append(rect(labelWidth, by + 1, Math.max(w, v > 0 ? 1 : 0), barHeight - 2, FILLS[s % FILLS.length]));
                svg.append(text(labelWidth + w + 4, by + barHeight - 4, format.apply(v), "start"));
            }
        }
        svg.append("<line x1=\"").append(labelWidth).append("\" y1=\"").append(top - 2).append("\" x2=\"")
                .append(labelWidth).append("\" y2=\"").append(height - 6).append("\" stroke=\"#1d2430\"/>");
        return svg.append("</svg>").toString();
    }

    /** A share (0..1) as a percentage with one decimal, e.g. {@code 19.8%}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A value already in percent, with one decimal as the tables beside the charts show it: {@code 15.0%}. */
    public static String percentPoints(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    public static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String rect(int x, int y, int w, int h, String fill) {
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" fill=\"" + fill + "\"/>";
    }

    private static String text(int x, int y, String s, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" fill=\"#1d2430\">" + escape(s)
                + "</text>";
    }

    private static String clip(String s) {
        return s.length() <= 24 ? s : s.substring(0, 23) + "…";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
