package org.ishenim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No template of one module calls another module's bean ({@code ${@duplicateCheck...}}) or includes another
 * module's fragment ({@code ~{duplicates/fragment :: ...}}): edges that Spring Modulith cannot see, since they are in
 * text. The controller puts what the page needs in the model; a page that shows another module's panel offers an
 * extension point (clients' {@code ClientPagePanel}). Templates at the top (layout, error pages) belong to web.
 */
class ModuleTemplatesTest {

    static final Path JAVA = Path.of("src/main/java/org/ishenim");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Pattern BEAN = Pattern.compile("@([a-z]\\w*)\\.");
    private static final Pattern FRAGMENT = Pattern.compile("~\\{\\s*([a-z]\\w*)/");
    private static final Pattern TYPE = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?(?:class|interface|record)\\s+(\\w+)");

    @Test
    void noTemplateReachesIntoAnotherModule() throws IOException {
        Map<String, String> beanModules = beanModules();
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Path relative = TEMPLATES.relativize(file);
                String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "web";
                crossings.addAll(crossings(relative.toString(), module, Files.readString(file, StandardCharsets.UTF_8),
                        beanModules));
            }
        }
        assertThat(crossings).as("a template naming another module's bean or fragment: put what the page needs in "
                + "the model, or add an extension point to the page's module").isEmpty();
    }

    @Test
    void findsAnotherModulesBeanAndFragment() {
        String template = """
                <p th:text="${@accessLogLabels.purpose(a)}"></p>
                <section th:replace="~{duplicates/fragment :: status(${id})}"></section>
                <p th:with="c=${@duplicateCheck.statusFor(id)}"></p>
                <a th:href="@{/duplicates/clients/{id}(id=${id})}">link</a>
                """;
        assertThat(crossings("clients/client.html", "clients", template,
                Map.of("accessLogLabels", "clients", "duplicateCheck", "duplicates"))).containsExactly(
                "clients/client.html calls bean duplicateCheck of duplicates",
                "clients/client.html includes a fragment of duplicates");
    }

    static List<String> crossings(String file, String module, String template, Map<String, String> beanModules) {
        List<String> found = new ArrayList<>();
        Matcher bean = BEAN.matcher(template);
        while (bean.find()) {
            String owner = beanModules.get(bean.group(1));
            if (owner != null && !owner.equals(module)) {
                found.add(file + " calls bean " + bean.group(1) + " of " + owner);
            }
        }
        Matcher fragment = FRAGMENT.matcher(template);
        while (fragment.find()) {
            String owner = fragment.group(1);
            if (!owner.equals(module) && Files.isDirectory(JAVA.resolve(owner))) {
                found.add(file + " includes a fragment of " + owner);
            }
        }
        return found;
    }

    /** Each top-level type's default bean name (its simple name, decapitalised) and its module. */
    private static Map<String, String> beanModules() throws IOException {
        Map<String, String> modules = new HashMap<>();
        try (Stream<Path> walk = Files.walk(JAVA)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = JAVA.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                Matcher type = TYPE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                if (type.find()) {
                    String name = type.group(1);
                    modules.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), relative.getName(0).toString());
                }
            }
        }
        return modules;
    }
}
