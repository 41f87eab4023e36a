package org.ishenim.stock;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ishenim.web.PdfFonts;
import org.ishenim.web.SpreadsheetCells;

/** A report table as CSV (commons-csv, RFC 4180) or PDF (OpenPDF). Used by the stock and dosing reports. */
public final class ReportFormats {

    private ReportFormats() {
    }

    /** A CSV table; every cell goes through the one formula guard, {@link SpreadsheetCells}. */
    public static String csv(List<String> headers, List<List<String>> rows) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(headers.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetCells::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static byte[] pdf(String title, List<String> headers, List<List<String>> rows) {
        var out = new ByteArrayOutputStream();
        var document = new Document(headers.size() > 6 ? PageSize.A4.rotate() : PageSize.A4, 24, 24, 24, 24);
        PdfWriter.getInstance(document, out);
        document.open();
        Font font = unicodeFont(9);
        Font bold = unicodeFont(12);
        document.add(new Paragraph(title, bold));
        document.add(new Paragraph(" ", font));
        var table = new PdfPTable(headers.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : headers) {
            var cell = new PdfPCell(new Phrase(h, font));
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            for (String c : row) {
                var cell = new PdfPCell(new Phrase(c == null ? "" : c, font));
                if (c != null && c.matches("-?[0-9.]+")) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    /** Liberation Sans, embedded from the classpath: Cyrillic on every machine ({@link PdfFonts}). */
    private static Font unicodeFont(float size) {
        return new Font(PdfFonts.regular(), size);
    }
}
