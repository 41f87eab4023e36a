package org.ishenim.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A coded field (an enum) read from what a form or a request sent: case-insensitive, '-' for '_'. */
public final class Codes {

    private Codes() {
    }

    /**
     * The constant named by {@code value}; {@link InvalidFieldsException} naming {@code field} and listing the
     * codes when it is blank or unknown (the message never repeats what was sent).
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new InvalidFieldsException(Map.of(field, "One of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")) + "."));
    }
}
