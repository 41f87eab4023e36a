package org.ishenim.clients;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Russian and Kyrgyz Cyrillic to Latin capitals, for the UIC. Kyrgyz ң, ө and ү become NG, O and U;
 * diacritics are dropped from Latin letters; anything that is not a letter is skipped.
 */
final class Transliteration {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "A"), Map.entry('б', "B"), Map.entry('в', "V"), Map.entry('г', "G"), Map.entry('д', "D"),
            Map.entry('е', "E"), Map.entry('ё', "YO"), Map.entry('ж', "ZH"), Map.entry('з', "Z"), Map.entry('и', "I"),
            Map.entry('й', "Y"), Map.entry('к', "K"), Map.entry('л', "L"), Map.entry('м', "M"), Map.entry('н', "N"),
            Map.entry('ң', "NG"), Map.entry('о', "O"), Map.entry('ө', "O"), Map.entry('п', "P"), Map.entry('р', "R"),
            Map.entry('с', "S"), Map.entry('т', "T"), Map.entry('у', "U"), Map.entry('ү', "U"), Map.entry('ф', "F"),
            Map.entry('х', "KH"), Map.entry('ц', "TS"), Map.entry('ч', "CH"), Map.entry('ш', "SH"),
            Map.entry('щ', "SHCH"), Map.entry('ъ', ""), Map.entry('ы', "Y"), Map.entry('ь', ""), Map.entry('э', "E"),
            Map.entry('ю', "YU"), Map.entry('я', "YA"), Map.entry('і', "I"), Map.entry('һ', "H"));

    private Transliteration() {
    }

    /** The whole name in Latin capitals, letters only. */
    static String toLatin(String name) {
        if (name == null) {
            return "";
        }
        var out = new StringBuilder();
        for (char c : name.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            String cyr = CYRILLIC.get(c);
            if (cyr != null) {
                out.append(cyr);
            } else if (Character.isLetter(c)) {
                String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                for (char p : plain.toUpperCase(Locale.ROOT).toCharArray()) {
                    if (p >= 'A' && p <= 'Z') {
                        out.append(p);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The first two Latin letters of the name, padded with X when the name is shorter. */
    static String firstTwoLetters(String name) {
        String latin = toLatin(name);
        if (latin.isEmpty()) {
            throw new IllegalArgumentException("A parent's first name must contain letters.");
        }
        return (latin + "XX").substring(0, 2);
    }
}
