package org.ishenim.linkage.normalise;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a personal name written in Russian or Kyrgyz Cyrillic, or in any common Latin transliteration of it
 * (passport ICAO 9303, BGN/PCGN, informal phone typing), to one lower-case Latin skeleton:
 * <ol>
 * <li>lower case; Cyrillic letters to Latin (BGN-like: ж zh, х kh, ц ts, ч ch, ш sh, щ shch, й/ы y, ю yu, я ya;
 * Kyrgyz ң n, ө o, ү u); diacritics dropped (ö o, ü u, ë e); anything that is not a letter dropped;</li>
 * <li>Latin variants folded: shch/sch to sh; dzh, zh, dj to j; kh to h; ts to c; x to ks; w to v; q to k; yo after
 * a consonant or at the start to e (ё, written e in passports); y to i;</li>
 * <li>double letters collapsed, and an {@code i} before a vowel dropped, so ya/ia/a, yu/iu/u, ye/ie/e and
 * iy/ii/y at the end of a name fold together;</li>
 * <li>u folded into i: Kyrgyz ү is typed u, ü, y or ue, and y already stands for ы and й, so the close vowels
 * u, ü, y, ы, ү, i are one class.</li>
 * </ol>
 * The skeleton is for matching only, never for display. Both sides of a comparison must be folded alike.
 */
public final class NameFolding {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('ң', "n"), Map.entry('о', "o"), Map.entry('ө', "o"), Map.entry('п', "p"), Map.entry('р', "r"),
            Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ү', "u"), Map.entry('ф', "f"),
            Map.entry('х', "kh"), Map.entry('һ', "h"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"),
            Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"),
            Map.entry('ю', "yu"), Map.entry('я', "ya"), Map.entry('і', "i"), Map.entry('ә', "a"), Map.entry('ғ', "g"),
            Map.entry('қ', "k"), Map.entry('ұ', "u"), Map.entry('ў', "u"), Map.entry('ҳ', "h"), Map.entry('ї', "i"),
            Map.entry('є', "e"));

    /** Latin variant rules, tried longest first at each position. */
    private static final String[][] LATIN = {
            {"shch", "sh"}, {"dzh", "j"}, {"sch", "sh"}, {"zh", "j"}, {"dj", "j"}, {"kh", "h"}, {"ts", "c"},
            {"x", "ks"}, {"w", "v"}, {"q", "k"}, {"y", "i"}};

    private NameFolding() {
    }

    public static String fold(String name) {
        String latin = toLatinLetters(name.toLowerCase(Locale.ROOT));
        String folded = collapseDoubles(foldVariants(latin));
        return collapseDoubles(dropIotation(folded).replace('u', 'i'));
    }

    /**
     * A surname folded as {@link #fold} and stripped of one common ending (-ova, -eva, -ov, -ev, -ina, -in, -aia,
     * -ii, -a): these endings are shared by most Russian and Kyrgyz surnames and by both sexes' forms, so they carry
     * no identity and only raise the similarity of different people.
     */
    public static String foldSurname(String surname) {
        String folded = fold(surname);
        for (String ending : SURNAME_ENDINGS) {
            if (folded.endsWith(ending) && folded.length() - ending.length() >= 3) {
                return folded.substring(0, folded.length() - ending.length());
            }
        }
        return folded;
    }

    /**
     * The consonant skeleton of a folded name: {@link #fold}, then the vowels (a, e, i, o after folding) dropped and
     * double letters collapsed. Vowels carry most transliteration variation and most letter transpositions swap a
     * vowel with a consonant (Mraat, Artme), so the skeleton of a name survives them, while different names keep
     * different consonants.
     */
    public static String skeleton(String name) {
        return consonants(fold(name));
    }

    private static String consonants(String folded) {
        return collapseDoubles(folded.replaceAll("[aeio]", ""));
    }

    private static final String[] SURNAME_ENDINGS = {"ova", "eva", "ina", "aia", "ov", "ev", "in", "ii", "a"};

    private static String toLatinLetters(String lower) {
        StringBuilder out = new StringBuilder(lower.length() + 4);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String cyrillic = CYRILLIC.get(c);
            if (cyrillic != null) {
                out.append(cyrillic);
            } else if (c >= 'a' && c <= 'z') {
                out.append(c);
            } else if (c == 'ı') {
                out.append('i');
            } else if (Character.isLetter(c)) {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                for (char b : base.toCharArray()) {
                    if (b >= 'a' && b <= 'z') {
                        out.append(b);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String foldVariants(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        int i = 0;
        outer:
        while (i < latin.length()) {
            if (latin.startsWith("yo", i) && (i == 0 || "aeiouy".indexOf(latin.charAt(i - 1)) < 0)) {
                out.append('e');
                i += 2;
                continue;
            }
            for (String[] rule : LATIN) {
                if (latin.startsWith(rule[0], i)) {
                    out.append(rule[1]);
                    i += rule[0].length();
                    continue outer;
                }
            }
            out.append(latin.charAt(i++));
        }
        return out.toString();
    }

    private static String dropIotation(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean beforeVowel = i + 1 < s.length() && "aeou".indexOf(s.charAt(i + 1)) >= 0;
            if (c == 'i' && beforeVowel) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String collapseDoubles(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
