package org.ishenim.reform;

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
import java.util.Locale;
import org.ishenim.reform.guidelines.Compliance;
import org.ishenim.reform.registry.Registry;
import org.ishenim.reform.sentences.SentenceFigures;
import org.ishenim.reform.visits.Commitment;
import org.springframework.context.MessageSource;
import org.ishenim.web.PdfFonts;

/**
 * The country brief as a printable PDF (A4), in the reader's language. The font is Liberation Sans from the
 * {@code openpdf-fonts-extra} artifact on Maven Central (it has the Cyrillic letters Russian and Kyrgyz need,
 * ң ө ү included); Debian's DejaVu Sans is the fallback.
 */
final class BriefPdf {

    private static final Color BAR = new Color(0x0b, 0x5c, 0xad);
    private static final Color BAR2 = new Color(0xb3, 0x26, 0x1e);


    private final MessageSource messages;
    private final Locale locale;
    private final Font text;
    private final Font small;
    private final Font heading;
    private final Font title;

    BriefPdf(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.text = new Font(PdfFonts.regular(), 10);
        this.small = new Font(PdfFonts.regular(), 8);
        this.heading = new Font(PdfFonts.bold(), 13);
        this.title = new Font(PdfFonts.bold(), 18);
    }

    byte[] render(CountryBrief b) {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(msg("reform.brief.title") + ": " + msg(b.country().messageKey()));
            doc.open();
            doc.add(new Paragraph(msg("reform.brief.title") + ": " + msg(b.country().messageKey()), title));
            doc.add(new Paragraph(msg("reform.brief.date", b.today().toString()), small));
            if (b.synthetic()) {
                doc.add(new Paragraph(msg("reform.synthetic"), new Font(PdfFonts.bold(), 10, Font.NORMAL, BAR2)));
            }
            sentences(doc, b.sentences());
            registry(doc, b.registry());
            compliance(doc, b.compliance());
            commitments(doc, b);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the brief could not be written", e);
        }
        return out.toByteArray();
    }

    private void sentences(Document doc, SentenceFigures.Analysis a) throws DocumentException {
        doc.add(section(msg("reform.sentences.title") + (a.year() == null ? "" : " " + a.year())));
        if (a.empty()) {
            doc.add(new Paragraph(msg("reform.sentences.none"), text));
            return;
        }
        var t = a.total();
        doc.add(new Paragraph(msg("reform.sentences.headline", t.sentences(), t.notDiagnosed(),
                Charts.percent(t.shareNotDiagnosed()), t.notExamined()), text));
        doc.add(new Paragraph(msg("reform.brief.months", Charts.number(round(t.meanMonths())),
                Charts.number(t.medianMonths())), text));
        doc.add(new Paragraph(msg("reform.sentences.byRegion"), new Font(PdfFonts.bold(), 10)));
        double max = a.byRegion().stream().mapToDouble(SentenceFigures.Figures::shareNotDiagnosed).max().orElse(0);
        PdfPTable table = table(new float[] {3, 1.2f, 1.8f, 1.8f, 1.2f, 3});
        header(table, msg("reform.region"), msg("reform.chart.sentences"), msg("reform.chart.not_diagnosed"),
                msg("reform.chart.not_examined"), msg("reform.chart.median"), msg("reform.chart.share"));
        for (SentenceFigures.Figures f : a.byRegion()) {
            cells(table, f.label(), Integer.toString(f.sentences()),
                    f.notDiagnosed() + " (" + Charts.percent(f.shareNotDiagnosed()) + ")",
                    f.notExamined() + " (" + Charts.percent(f.shareNotExamined()) + ")", Charts.number(f.medianMonths()));
            table.addCell(bar(f.shareNotDiagnosed(), Math.max(max, 0.0001), BAR2));
        }
        doc.add(table);
        if (a.byYear().size() > 1) {
            doc.add(new Paragraph(msg("reform.sentences.byYear"), new Font(PdfFonts.bold(), 10)));
            PdfPTable trend = table(new float[] {2, 2, 2, 2});
            header(trend, msg("reform.year"), msg("reform.chart.sentences"), msg("reform.chart.not_diagnosed"),
                    msg("reform.chart.not_examined"));
            for (SentenceFigures.Figures f : a.byYear()) {
                cells(trend, f.label(), Integer.toString(f.sentences()),
                        f.notDiagnosed() + " (" + Charts.percent(f.shareNotDiagnosed()) + ")",
                        f.notExamined() + " (" + Charts.percent(f.shareNotExamined()) + ")");
            }
            doc.add(trend);
        }
        doc.add(new Paragraph(msg("reform.sentences.articles") + ": " + String.join(", ", a.articles().stream()
                .map(c -> c.article() + " (" + c.sentences() + ")").toList()), text));
    }

    private void registry(Document doc, List<Registry.YearTotal> trend) throws DocumentException {
        doc.add(section(msg("reform.registry.title")));
        if (trend.isEmpty()) {
            doc.add(new Paragraph(msg("reform.registry.none"), text));
            return;
        }
        double max = trend.stream().mapToDouble(t -> Math.max(t.onRegistry(), t.onOat() == null ? 0 : t.onOat()))
                .max().orElse(1);
        PdfPTable table = table(new float[] {1, 1.6f, 1.4f, 1.4f, 1.4f, 3});
        header(table, msg("reform.year"), msg("reform.registry.onRegistry"), msg("reform.registry.new"),
                msg("reform.registry.removals"), msg("reform.registry.onOat"), "");
        for (Registry.YearTotal t : trend) {
            cells(table, Integer.toString(t.year()), Integer.toString(t.onRegistry()),
                    Integer.toString(t.newRegistrations()), Integer.toString(t.removals()),
                    t.onOat() == null ? "—" : Integer.toString(t.onOat()));
            PdfPCell both = new PdfPCell();
            both.setBorder(Rectangle.BOTTOM);
            both.addElement(barTable(t.onRegistry() / max, BAR));
            both.addElement(barTable((t.onOat() == null ? 0 : t.onOat()) / max, new Color(0x1b, 0x7a, 0x3a)));
            table.addCell(both);
        }
        doc.add(table);
        doc.add(new Paragraph(msg("reform.brief.registryLegend"), small));
    }

    private void compliance(Document doc, List<Compliance> compliance) throws DocumentException {
        doc.add(section(msg("reform.compliance.title")));
        PdfPTable table = table(new float[] {1, 2, 5, 2});
        header(table, "ID", msg("reform.theme"), msg("reform.guidelines.text"), msg("reform.compliance.level"));
        for (Compliance c : compliance) {
            cells(table, c.recommendation().id(), msg("reform.theme." + c.recommendation().theme()),
                    c.recommendation().textIn(locale), msg("reform.compliance." + c.level()));
        }
        doc.add(table);
    }

    private void commitments(Document doc, CountryBrief b) throws DocumentException {
        doc.add(section(msg("reform.dashboard.commitments") + " (" + b.openCommitments().size() + ", "
                + msg("reform.visits.overdue") + ": " + b.overdue() + ")"));
        if (b.openCommitments().isEmpty()) {
            doc.add(new Paragraph(msg("reform.none"), text));
            return;
        }
        PdfPTable table = table(new float[] {5, 2.5f, 1.6f, 1.6f});
        header(table, msg("reform.visits.commitment"), msg("reform.visits.owner"), msg("reform.visits.due"),
                msg("reform.status"));
        for (Commitment c : b.openCommitments()) {
            cells(table, c.text(), c.owner(), c.dueOn() == null ? "—" : c.dueOn().toString(),
                    msg("reform.commitment." + c.status()) + (c.overdue(b.today()) ? " — " + msg("reform.visits.overdue") : ""));
        }
        doc.add(table);
    }

    private Paragraph section(String s) {
        var p = new Paragraph(s, heading);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        return p;
    }

    private PdfPTable table(float[] widths) {
        var t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setSpacingAfter(6);
        t.setHeaderRows(1);
        return t;
    }

    private void header(PdfPTable t, String... names) {
        for (String n : names) {
            var cell = new PdfPCell(new Phrase(n, new Font(PdfFonts.bold(), 8)));
            cell.setBackgroundColor(new Color(0xf3, 0xf5, 0xf8));
            t.addCell(cell);
        }
    }

    private void cells(PdfPTable t, String... values) {
        for (String v : values) {
            var cell = new PdfPCell(new Phrase(v == null ? "" : v, small));
            cell.setBorder(Rectangle.BOTTOM);
            t.addCell(cell);
        }
    }

    private PdfPCell bar(double fraction, double max, Color color) {
        var cell = new PdfPCell();
        cell.setBorder(Rectangle.BOTTOM);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.addElement(barTable(fraction / max, color));
        return cell;
    }

    /** A bar drawn as a two-cell table: a filled cell as wide as the fraction, then an empty one. */
    private static PdfPTable barTable(double fraction, Color color) {
        float f = (float) Math.max(0.001, Math.min(0.999, fraction));
        var t = new PdfPTable(new float[] {f, 1 - f});
        t.setWidthPercentage(100);
        var filled = new PdfPCell();
        filled.setFixedHeight(6);
        filled.setBorder(Rectangle.NO_BORDER);
        filled.setBackgroundColor(color);
        var empty = new PdfPCell();
        empty.setBorder(Rectangle.NO_BORDER);
        t.addCell(filled);
        t.addCell(empty);
        return t;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

}
