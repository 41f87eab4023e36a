package org.ishenim.reform.guidelines;

import java.util.List;
import java.util.Locale;

/** One recommendation of the regional Drug Policy Guidelines. {@code theme} is one of {@link #THEMES}. */
public record Recommendation(String id, String theme, String text, int position) {

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
    }
}
