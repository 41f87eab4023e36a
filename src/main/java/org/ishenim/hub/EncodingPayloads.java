package org.ishenim.hub;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ishenim.linkage.Clk;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of what sites send. Only the documented fields are accepted; a field that looks like an identifier
 * (a name, a date of birth...) is refused as plaintext, any other unknown field as unknown; a {@code clk} must be
 * standard base64 of exactly the configured filter length that does not decode to text in any common encoding and
 * whose bits are those of a CLK ({@link ClkShape}).
 */
final class EncodingPayloads {

    /** Site references are 128 random bits in lower-case hex: they cannot carry a name by accident. */
    static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{32}");

    private static final Set<String> PLAINTEXT = Set.of("name", "givenname", "firstname", "forename", "surname",
            "lastname", "familyname", "patronymic", "middlename", "fullname", "dob", "dateofbirth", "birthdate",
            "birthday", "birthyear", "yearofbirth", "year", "sex", "gender", "phone", "telephone", "mobile", "email",
            "address", "uic", "alias", "passport", "pin", "inn", "snils", "id", "clientid", "nationalid", "mother",
            "father", "mothername", "fathername", "mothersfirstname", "fathersfirstname", "motherfirstname",
            "fatherfirstname", "city", "village", "street");

    record Item(String reference, Clk clk) {
    }

    private final int bits;
    private final ClkShape shape;

    EncodingPayloads(int bits, ClkShape shape) {
        this.bits = bits;
        this.shape = shape;
    }

    int bits() {
        return bits;
    }

    /** {@code {"clk": "..."}} */
    Clk single(JsonNode body) {
        requireObject(body, "body");
        onlyFields(body, Set.of("clk"), Set.of("clk"));
        return clk(body.get("clk"), "clk");
    }

    /** {@code {"clk": "...", "reference": "..."}}, the reference optional (the querying record, excluded). */
    Item query(JsonNode body) {
        requireObject(body, "body");
        onlyFields(body, Set.of("clk", "reference"), Set.of("clk"));
        String reference = body.has("reference") ? reference(body.get("reference"), "reference") : null;
        return new Item(reference, clk(body.get("clk"), "clk"));
    }

    /** {@code {"encodings": [{"reference": "...", "clk": "..."}, ...]}} */
    List<Item> batch(JsonNode body, int max) {
        requireObject(body, "body");
        onlyFields(body, Set.of("encodings"), Set.of("encodings"));
        JsonNode list = body.get("encodings");
        if (!list.isArray()) {
            throw NotAnEncodingException.invalid("encodings", "Must be an array.");
        }
        if (list.size() > max) {
            throw NotAnEncodingException.invalid("encodings", "At most " + max + " encodings per request.");
        }
        List<Item> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = "encodings[" + i + "]";
            JsonNode item = list.get(i);
            requireObject(item, at);
            onlyFields(item, Set.of("reference", "clk"), Set.of("reference", "clk"), at + ".");
            items.add(new Item(reference(item.get("reference"), at + ".reference"), clk(item.get("clk"), at + ".clk")));
        }
        return items;
    }

    static String reference(String value, String field) {
        if (value == null || !REFERENCE.matcher(value).matches()) {
            throw NotAnEncodingException.invalid(field, "A reference is 32 lower-case hexadecimal digits.");
        }
        return value;
    }

    private static String reference(JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw NotAnEncodingException.invalid(field, "A reference is 32 lower-case hexadecimal digits.");
        }
        return reference(node.stringValue(), field);
    }

    Clk clk(JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw NotAnEncodingException.invalid(field, "Must be a base64 string.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(node.stringValue());
        } catch (IllegalArgumentException e) {
            throw NotAnEncodingException.invalid(field, "Not standard base64.");
        }
        if (bytes.length * 8 != bits) {
            throw NotAnEncodingException.invalid(field, "Not an encoding of " + bits + " bits.");
        }
        if (ClkShape.decodesAsText(bytes)) {
            throw NotAnEncodingException.plaintext(field);
        }
        if (!shape.fillFits(bytes)) {
            throw NotAnEncodingException.invalid(field, String.format(Locale.ROOT,
                    "Not a CLK: an encoding has between %.0f%% and %.0f%% of its bits set.", shape.minFill() * 100,
                    shape.maxFill() * 100));
        }
        if (!ClkShape.evenlySpread(bytes)) {
            throw NotAnEncodingException.structured(field);
        }
        return Clk.fromBytes(bytes);
    }

    private static void requireObject(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw NotAnEncodingException.invalid(field, "Must be a JSON object.");
        }
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, Set<String> required) {
        onlyFields(node, allowed, required, "");
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, Set<String> required, String prefix) {
        for (String name : node.propertyNames()) {
            if (allowed.contains(name)) {
                continue;
            }
            String folded = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            throw PLAINTEXT.contains(folded) ? NotAnEncodingException.plaintext(prefix + fieldName(name))
                    : NotAnEncodingException.unknown(prefix + fieldName(name));
        }
        for (String name : required) {
            if (!node.has(name) || node.get(name).isNull()) {
                throw NotAnEncodingException.invalid(prefix + name, "This field is required.");
            }
        }
    }

    /** Field names are echoed only when short and plain, so that a value smuggled as a key is not reflected. */
    private static String fieldName(String name) {
        return name.length() <= 40 && name.matches("[A-Za-z0-9_.-]*") ? name : "?";
    }
}
