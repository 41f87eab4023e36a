package org.ishenim;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The modules (one package per capability) respect their boundaries and have no cycles. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(IshenimApplication.class);

    @Test
    void verifiesModularStructure() {
        modules.verify();
    }
}
