package org.ishenim.indicators;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.ishenim.web.PdfFonts;

/**
 * The national page as a printable PDF brief (A4, OpenPDF), in the reader's language: the texts come translated, this
 * class only lays them out. The font is Liberation Sans from the {@code openpdf-fonts-extra} artifact (Maven Central,
 * already on the classpath), embedded: it has the Cyrillic letters Russian and Kyrgyz need, ң ө ү included. Only
 * published (suppressed) figures reach it.
 */
final class NationalBrief {


    private static final Color HEADER = new Color(0xf3, 0xf5, 0xf8);

    /** One indicator's table: its title and note, the column headings, and the lines as the page shows them. */
    record Table(String title, String note, List<String> headers, List<List<String>> rows) {
    }

    /**
     * The brief's texts: the title, the month, the sites reporting, national coverage with its caption, the range and
     * its terms (null when no range is published), the notes on regions, the tables, the mark's note and the sources.
     */
    record Content(String title, String month, String sites, String coverage, String coverageCaption, String range,
            List<String> rangeNotes, List<String> notes, List<Table> tables, String mark, String sources) {
    }

    private NationalBrief() {
    }

    static byte[] render(Content c) {
        Font text = new Font(PdfFonts.regular(), 9);
        Font small = new Font(PdfFonts.regular(), 8);
        Font heading = new Font(PdfFonts.bold(), 12);
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(c.title() + " " + c.month());
            doc.open();
            doc.add(new Paragraph(c.title() + ": " + c.month(), new Font(PdfFonts.bold(), 17)));
            doc.add(new Paragraph(c.sites(), text));
            Paragraph coverage = new Paragraph();
            coverage.add(new Phrase(c.coverage() + " ", new Font(PdfFonts.bold(), 14)));
            coverage.add(new Phrase(c.coverageCaption(), text));
            coverage.setSpacingBefore(6);
            doc.add(coverage);
            if (c.range() != null) {
                doc.add(new Paragraph(c.range(), text));
            }
            for (String note : c.rangeNotes()) {
                // the embedded font has no superscript plus: ρ⁺ would print as ρ
                doc.add(new Paragraph(note.replace('\u207A', '+'), small));
            }
            for (String note : c.notes()) {
                doc.add(new Paragraph(note, small));
            }
            doc.add(new Paragraph(c.mark(), small));
            for (Table t : c.tables()) {
                Paragraph title = new Paragraph(t.title(), heading);
                title.setSpacingBefore(10);
                doc.add(title);
                doc.add(new Paragraph(t.note(), small));
                doc.add(table(t, small));
            }
            Paragraph sources = new Paragraph(c.sources(), small);
            sources.setSpacingBefore(10);
            doc.add(sources);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The brief could not be written.", e);
        }
        return out.toByteArray();
    }

    private static PdfPTable table(Table t, Font font) {
        var table = new PdfPTable(t.headers().size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String h : t.headers()) {
            var cell = new PdfPCell(new Phrase(h, new Font(PdfFonts.bold(), 8)));
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        for (List<String> row : t.rows()) {
            for (int j = 0; j < row.size(); j++) {
                // a space either side keeps the cells apart in text copied or extracted from the PDF ("161 247",
                // not "161247"), which a reader of the figures (or a screen reader) would otherwise misread
                var cell = new PdfPCell(new Phrase(" " + (row.get(j) == null ? "" : row.get(j)) + " ", font));
                cell.setBorder(Rectangle.BOTTOM);
                if (j >= 2) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        return table;
    }

}
