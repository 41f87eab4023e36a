package org.ishenim.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ishenim.web.Roles;
import org.junit.jupiter.params.provider.Arguments;

/** The cells of a role matrix: every endpoint under every role, and once without credentials (role null). */
public final class RoleCells {

    private RoleCells() {
    }

    public static Stream<Arguments> of(List<?> endpoints) {
        List<Arguments> cells = new ArrayList<>();
        for (Object e : endpoints) {
            for (Roles role : Roles.values()) {
                cells.add(Arguments.of(e, role));
            }
            cells.add(Arguments.of(e, null));
        }
        return cells.stream();
    }
}
