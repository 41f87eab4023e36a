package org.ishenim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules (one package per capability) respect their boundaries and have no cycles; the README's module
 * diagram is the one the code gives.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(IshenimApplication.class);

    static final Path README = Path.of("README.md");

    @Test
    void verifiesModularStructure() {
        modules.verify();
    }

    /**
     * verify() refuses a dependency a module does not declare; this refuses a declared one the code no longer uses, so
     * each package-info.java says exactly what its module uses ({@code web}, shared, may be declared or not).
     */
    @Test
    void eachModuleDeclaresExactlyTheModulesItUses() {
        modules.stream().forEach(module -> {
            String name = module.getIdentifier().toString();
            var declared = module.getBasePackage().getAnnotation(ApplicationModule.class);
            assertThat(declared).as(name + "'s package-info.java declares @ApplicationModule").isPresent();
            Set<String> allowed = new TreeSet<>(List.of(declared.get().allowedDependencies()));
            Set<String> used = module.getDirectDependencies(modules).uniqueModules()
                    .map(m -> m.getIdentifier().toString()).filter(m -> !m.equals(name))
                    .collect(Collectors.toCollection(TreeSet::new));
            allowed.remove("web");
            used.remove("web");
            assertThat(allowed).as(name + "'s allowedDependencies, web aside").isEqualTo(used);
        });
    }

    /** Spring Modulith's own PlantUML diagrams, under target/spring-modulith-docs. */
    @Test
    void writesModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    @Test
    void readmeShowsTheCurrentModuleDiagram() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String diagram = ModuleDiagram.mermaid(modules);
        if (Boolean.getBoolean("ishenim.update-docs")) {
            Files.writeString(README, ModuleDiagram.withBlock(readme, diagram), StandardCharsets.UTF_8);
            return;
        }
        assertThat(ModuleDiagram.block(readme))
                .as("The module diagram in README.md is out of date. Refresh it with "
                        + "./mvnw -q test -Dtest=ModularityTests -Dishenim.update-docs=true")
                .isEqualTo(diagram);
    }
}
