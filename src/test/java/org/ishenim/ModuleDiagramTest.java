package org.ishenim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModuleDiagramTest {

    static final String DOCUMENT = "# Title\n\n<!-- modules:begin -->\nold\n<!-- modules:end -->\n\nAfter.\n";

    @Test
    void readsTheTextBetweenTheMarkers() {
        assertThat(ModuleDiagram.block(DOCUMENT)).isEqualTo("old\n");
    }

    @Test
    void replacesOnlyTheTextBetweenTheMarkers() {
        assertThat(ModuleDiagram.withBlock(DOCUMENT, "new\n"))
                .isEqualTo("# Title\n\n<!-- modules:begin -->\nnew\n<!-- modules:end -->\n\nAfter.\n");
    }

    @Test
    void refusesADocumentWithoutMarkers() {
        assertThatThrownBy(() -> ModuleDiagram.block("# Title\n")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ModuleDiagram.block("<!-- modules:begin -->\n")).isInstanceOf(IllegalStateException.class);
    }
}
