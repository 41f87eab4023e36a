package org.ishenim.web;

/**
 * The one guard against spreadsheet formulas (CSV injection), for every export and every import check. A cell
 * that a spreadsheet could read as a formula starts with {@code = + - @}, a tab, a carriage return or a line
 * feed, or with a full-width or small form of those signs ({@code ＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫}) or the minus sign
 * {@code −}, which some spreadsheets fold into the ASCII ones; leading spaces do not hide it. Such a cell is written
 * with an apostrophe in front. This is the stricter of the two rules the project had: a negative number is guarded
 * too ({@code '-12}), as the import checks always refused it in text columns.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212";

    private SpreadsheetCells() {
    }

    /** Whether a spreadsheet could read this cell as a formula. */
    public static boolean looksLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        int i = 0;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\u3000' || value.charAt(i) == '\u00A0')) {
            i++;
        }
        return i < value.length() && FORMULA_STARTS.indexOf(value.charAt(i)) >= 0;
    }

    /** The cell as it may be exported: an apostrophe in front of anything that could run; null as empty. */
    public static String safe(String value) {
        if (value == null) {
            return "";
        }
        return looksLikeFormula(value) ? "'" + value : value;
    }
}
