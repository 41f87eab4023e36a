package org.ishenim.web;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of every PDF the application writes (the stock reports, the reform brief, the national brief): Liberation
 * Sans, regular and bold, embedded from the classpath ({@code openpdf-fonts-extra}, a Maven Central artifact), so
 * Russian and Kyrgyz (ң ө ү) print the same on every machine. A missing font is a build error, never a quiet fall
 * back to a font without Cyrillic, which would print a Russian report as blanks.
 */
public final class PdfFonts {

    static final String REGULAR = "/liberation/LiberationSans-Regular.ttf";
    static final String BOLD = "/liberation/LiberationSans-Bold.ttf";

    private static volatile BaseFont regular;
    private static volatile BaseFont bold;

    private PdfFonts() {
    }

    public static BaseFont regular() {
        if (regular == null) {
            regular = load(REGULAR);
        }
        return regular;
    }

    public static BaseFont bold() {
        if (bold == null) {
            bold = load(BOLD);
        }
        return bold;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The font " + resource + " is not on the classpath.");
            }
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }
}
