package org.ishenim.indicators;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * Server-side SVG charts of a series over months for the national page's trends, drawn as {@link NationalCharts}
 * draws its bars (no script, presentation attributes only). A month without a value is never drawn as a length: it
 * carries its mark instead ({@code [c]} for a suppressed value, a dash for a month without reports), and a line is
 * broken there. Every chart is also given as a table next to it.
 */
final class TrendCharts {

    private static final int WIDTH = 680;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 24;
    private static final int BOTTOM = 40;
    private static final String FILL = "#0b5cad";
    private static final String INK = "#1d2430";
    private static final String GRID = "#c8ced8";

    private TrendCharts() {
    }

    /**
     * A line of shares (0..1) over months, on a 0–100 % scale, with the target as a dashed line. {@code marks} holds,
     * for each month without a value, what to write instead.
     */
    static String shareLine(String title, List<String> months, List<OptionalDouble> shares, List<String> marks,
            double target, String targetLabel) {
        StringBuilder svg = open(title);
        axis(svg, 1.0, NationalCharts::percent);
        int y = yOf(target, 1.0);
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(y).append("\" stroke=\"").append(INK).append("\" stroke-dasharray=\"4 3\"/>");
        svg.append(NationalCharts.text(WIDTH - RIGHT, y - 4, targetLabel, "end"));
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            int x = xOf(i, months.size());
            OptionalDouble v = shares.get(i);
            if (v.isPresent()) {
                int py = yOf(Math.max(0, Math.min(1, v.getAsDouble())), 1.0);
                path.append(path.isEmpty() || shares.get(i - 1).isEmpty() ? " M" : " L").append(x).append(' ')
                        .append(py);
                svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(py).append("\" r=\"3\" fill=\"")
                        .append(FILL).append("\"/>");
            } else {
                svg.append(NationalCharts.text(x, HEIGHT - BOTTOM - 4, marks.get(i), "middle"));
            }
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(FILL)
                    .append("\" stroke-width=\"2\"/>");
        }
        monthLabels(svg, months);
        return svg.append("</svg>").toString();
    }

    /** Bars of counts over months, from zero; a month without a value carries its mark. */
    static String countBars(String title, List<String> months, List<OptionalDouble> counts, List<String> marks) {
        double max = counts.stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max()
                .orElse(0);
        double top = niceCeiling(max);
        StringBuilder svg = open(title);
        axis(svg, top, v -> String.format(Locale.ROOT, "%.0f", v));
        int slot = (WIDTH - LEFT - RIGHT) / Math.max(1, months.size());
        for (int i = 0; i < months.size(); i++) {
            int x = xOf(i, months.size());
            OptionalDouble v = counts.get(i);
            if (v.isPresent()) {
                int y = yOf(v.getAsDouble(), top);
                int base = yOf(0, top);
                svg.append("<rect x=\"").append(x - slot / 3).append("\" y=\"").append(y).append("\" width=\"")
                        .append(2 * (slot / 3)).append("\" height=\"").append(Math.max(base - y, 0))
                        .append("\" fill=\"").append(FILL).append("\"/>");
            } else {
                svg.append(NationalCharts.text(x, HEIGHT - BOTTOM - 4, marks.get(i), "middle"));
            }
        }
        monthLabels(svg, months);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\">");
        return svg.append("<title>").append(NationalCharts.escape(title)).append("</title>");
    }

    /** The y axis with gridlines at 0, a half and the top of the scale. */
    private static void axis(StringBuilder svg, double top, DoubleFunction<String> label) {
        for (double f : new double[] {0, 0.5, 1}) {
            int y = yOf(f * top, top);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\" stroke=\"").append(f == 0 ? INK : GRID)
                    .append("\"/>");
            svg.append(NationalCharts.text(LEFT - 4, y + 4, label.apply(f * top), "end"));
        }
    }

    private static void monthLabels(StringBuilder svg, List<String> months) {
        for (int i = 0; i < months.size(); i++) {
            svg.append(NationalCharts.text(xOf(i, months.size()), HEIGHT - BOTTOM + 16, months.get(i), "middle"));
        }
    }

    private static int xOf(int i, int n) {
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, n);
        return LEFT + (int) Math.round(slot * i + slot / 2);
    }

    private static int yOf(double v, double top) {
        double plot = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - (int) Math.round(top <= 0 ? 0 : v / top * plot);
    }

    /** A round top for a count axis: 1, 2 or 5 times a power of ten, at least the largest value (10 when none). */
    static double niceCeiling(double max) {
        if (max <= 10) {
            return 10;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
