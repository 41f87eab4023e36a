package org.ishenim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module diagram in the README: a Mermaid flowchart ({@code flowchart LR}, which GitHub draws) with one node
 * per module and one arrow per module dependency (of any kind: a bean, a type, an event listened to), generated
 * from what Spring Modulith finds. Everything is sorted, so the same code always gives the same text.
 */
final class ModuleDiagram {

    static final String BEGIN = "<!-- modules:begin -->";
    static final String END = "<!-- modules:end -->";

    private ModuleDiagram() {
    }

    /**
     * The fenced Mermaid block, without the markers: one line per module that uses others, sorted by name, naming
     * them ({@code dosing --> audit & clients}); a module with no arrow at all stands alone on its line. Each
     * module is one node, each module dependency one arrow.
     */
    static String mermaid(ApplicationModules modules) {
        Map<String, List<String>> uses = new TreeMap<>();
        modules.stream().forEach(module -> uses.put(name(module), module.getDirectDependencies(modules).uniqueModules()
                .map(ModuleDiagram::name)
                .filter(target -> !target.equals(name(module)))
                .distinct()
                .sorted()
                .toList()));
        Set<String> used = uses.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        lines.add("```mermaid");
        lines.add("flowchart LR");
        uses.forEach((module, targets) -> {
            if (!targets.isEmpty()) {
                lines.add("    " + module + " --> " + String.join(" & ", targets));
            } else if (!used.contains(module)) {
                lines.add("    " + module);
            }
        });
        lines.add("```");
        return String.join("\n", lines) + "\n";
    }

    /** What the document holds between the markers. */
    static String block(String document) {
        int begin = begin(document);
        return document.substring(begin, end(document, begin));
    }

    /** The document with the text between the markers replaced by the given block. */
    static String withBlock(String document, String block) {
        int begin = begin(document);
        return document.substring(0, begin) + block + document.substring(end(document, begin));
    }

    private static int begin(String document) {
        int marker = document.indexOf(BEGIN);
        if (marker < 0) {
            throw new IllegalStateException("no " + BEGIN + " marker");
        }
        return document.indexOf('\n', marker) + 1;
    }

    private static int end(String document, int begin) {
        int end = document.indexOf(END, begin);
        if (end < 0) {
            throw new IllegalStateException("no " + END + " marker after " + BEGIN);
        }
        return end;
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
