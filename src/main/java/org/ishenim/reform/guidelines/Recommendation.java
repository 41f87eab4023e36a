package org.ishenim.reform.guidelines;

import java.util.List;
import java.util.Locale;

/**
 * One recommendation of the regional Drug Policy Guidelines. {@code theme} is one of {@link #THEMES}. The English
 * text is required; the Russian and Kyrgyz texts are optional and fall back to it.
 */
public record Recommendation(String id, String theme, String text, String textRu, String textKy, int position) {

    public Recommendation(String id, String theme, String text, int position) {
        this(id, theme, text, null, null, position);
    }

    /** The text in the reader's language, or the English text when there is no translation. */
    public String textIn(Locale locale) {
        String lang = locale == null ? "en" : locale.getLanguage();
        String translated = "ru".equals(lang) ? textRu : "ky".equals(lang) ? textKy : null;
        return translated == null || translated.isBlank() ? text : translated;
    }

    public static final List<String> THEMES = List.of("registry", "compulsory_treatment", "oat", "confidentiality",
            "decriminalisation", "other");

    public Recommendation {
        if (id == null || !id.strip().matches("[A-Za-z0-9._-]{1,20}")) {
            throw new IllegalArgumentException("id");
        }
        id = id.strip().toUpperCase(Locale.ROOT);
        theme = theme == null ? "" : theme.strip().toLowerCase(Locale.ROOT);
        if (!THEMES.contains(theme)) {
            throw new IllegalArgumentException("theme");
        }
        if (text == null || text.isBlank() || text.length() > 4000) {
            throw new IllegalArgumentException("text");
        }
        text = text.strip();
        textRu = textRu == null || textRu.isBlank() ? null : textRu.strip();
        textKy = textKy == null || textKy.isBlank() ? null : textKy.strip();
        if ((textRu != null && textRu.length() > 4000) || (textKy != null && textKy.length() > 4000)) {
            throw new IllegalArgumentException("text");
        }
    }
}
