package org.ishenim.reform.guidelines;

import java.net.URI;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What an analyst writes about a provision, as typed in the form: the law, the article, the quoted text, a link
 * to the source (optional), and the recommendation it meets or contradicts. Checked by {@link #check}, not on
 * construction, so that a form's errors are reported together with those of the other fields.
 */
public record ProvisionText(String law, String article, String quotedText, String link, String recommendationId,
        Relation relation) {

    /** Adds to {@code errors} each field that is missing, too long or invalid. */
    void check(Map<String, String> errors, Predicate<String> recommendationExists) {
        require(errors, "law", law, 300);
        require(errors, "article", article, 100);
        require(errors, "quotedText", quotedText, 10000);
        if (link != null && !link.isBlank() && !validLink(link)) {
            errors.put("link", "invalid");
        }
        if (recommendationId == null || !recommendationExists.test(recommendationId)) {
            errors.put("recommendationId", "invalid");
        }
        if (relation == null) {
            errors.put("relation", "required");
        }
    }

    /** The link as stored: stripped, or null when blank. */
    String storedLink() {
        return blankToNull(link);
    }

    static void require(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "required");
        } else if (value.length() > max) {
            errors.put(field, "tooLong");
        }
    }

    static boolean validLink(String link) {
        try {
            URI uri = new URI(link.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && link.length() <= 500;
        } catch (Exception e) {
            return false;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
