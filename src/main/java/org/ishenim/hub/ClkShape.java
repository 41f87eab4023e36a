package org.ishenim.hub;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a CLK's bits look like, and what text's bits look like instead.
 *
 * <p>A CLK is a Bloom filter: each feature sets bits at keyed-hash positions, so the bits set are spread evenly
 * over every position, and the share set depends only on the schema and on which fields are present. The shipped
 * clinic schema sets 345 to 409 of 1024 bits for a full identity and about 110 for a given name and sex alone, since
 * a missing field adds no bits, as in clkhash ({@code ClkShapeTest}); the default bounds, 5 % to 48 %, leave a margin
 * on either side.
 *
 * <p>Text is not spread evenly: every character set puts its letters in fixed byte ranges, so some bit positions
 * within each byte (or each 16-bit unit, for UTF-16) are almost always set or almost always clear. The test is a
 * chi-square of the bits set at each position modulo 16 against an even spread (15 degrees of freedom): real
 * encodings stayed under 42 (one in 10^9 would pass 80), text in Russian, Kyrgyz and English in seven encodings
 * scored over 100. A payload that also decodes cleanly into Latin or Cyrillic text in a common encoding is refused
 * as plaintext whatever its statistics.
 */
final class ClkShape {

    /** Chi-square bound, 15 degrees of freedom: a real encoding exceeds it about once in 10^9. */
    static final double MAX_CHI_SQUARE = 80;

    /** Share of characters that are text, at or above which a payload is read as text. Real encodings: under 0.87. */
    static final double TEXT_SHARE = 0.96;

    /** The common encodings of Latin and Cyrillic text (those this Java runtime has). */
    private static final List<Charset> TEXT_ENCODINGS = Stream.of("UTF-8", "UTF-16LE", "UTF-16BE", "US-ASCII",
            "ISO-8859-1", "windows-1251", "windows-1252", "KOI8-R", "KOI8-U", "IBM866", "ISO-8859-5", "x-MacCyrillic")
            .filter(Charset::isSupported).map(Charset::forName).toList();

    private final double minFill;
    private final double maxFill;

    ClkShape(double minFill, double maxFill) {
        if (!(0 < minFill && minFill < maxFill && maxFill < 1)) {
            throw new IllegalArgumentException("The fill bounds must satisfy 0 < min < max < 1.");
        }
        this.minFill = minFill;
        this.maxFill = maxFill;
    }

    double minFill() {
        return minFill;
    }

    double maxFill() {
        return maxFill;
    }

    /** Whether the bytes decode, in one of the common encodings, into something that is nearly all text. */
    static boolean decodesAsText(byte[] bytes) {
        for (Charset charset : TEXT_ENCODINGS) {
            String text = withoutPadding(strictDecode(bytes, charset));
            if (text != null && textShare(text) >= TEXT_SHARE) {
                return true;
            }
        }
        return false;
    }

    /** Whether the share of bits set lies within the bounds. */
    boolean fillFits(byte[] bytes) {
        double fill = setBits(bytes) / (bytes.length * 8.0);
        return fill >= minFill && fill <= maxFill;
    }

    /** Whether the bits set are spread over the positions as a Bloom filter's are. */
    static boolean evenlySpread(byte[] bytes) {
        return chiSquare(bytes) <= MAX_CHI_SQUARE;
    }

    /** The chi-square of the bits set at each position modulo 16 (modulo 8 for an odd number of bytes). */
    static double chiSquare(byte[] bytes) {
        int period = bytes.length % 2 == 0 ? 16 : 8;
        int[] counts = new int[period];
        int set = 0;
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] >> (bit % 8) & 1) == 1) {
                counts[bit % period]++;
                set++;
            }
        }
        double perClass = bytes.length * 8.0 / period;
        double p = set / (bytes.length * 8.0);
        if (p == 0 || p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double variance = perClass * p * (1 - p);
        double sum = 0;
        for (int count : counts) {
            double d = count - perClass * p;
            sum += d * d / variance;
        }
        return sum;
    }

    private static int setBits(byte[] bytes) {
        int set = 0;
        for (byte b : bytes) {
            set += Integer.bitCount(b & 0xff);
        }
        return set;
    }

    /** Text padded to the filter's length with NUL characters is still text. */
    private static String withoutPadding(String text) {
        if (text == null) {
            return null;
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == 0) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String strictDecode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Letters of the Latin and Cyrillic scripts, digits, white space and ASCII punctuation, over all characters. */
    static double textShare(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int textual = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isText(c)) {
                textual++;
            }
        }
        return textual / (double) text.length();
    }

    private static boolean isText(char c) {
        if (c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t') {
            return true;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        if (Character.isLetter(c)) {
            var script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC;
        }
        int type = Character.getType(c);
        return c == '\u2116' || type == Character.DASH_PUNCTUATION || type == Character.OTHER_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION;
    }
}
