package org.ishenim.clients;

import java.util.Optional;

/**
 * A panel that another module adds to the client's page (the duplicate check, for one). The page asks each bean
 * that implements this, in {@link org.springframework.core.annotation.Order order}, and includes the fragment each
 * returns, with its model as {@code panel.model}. So the clients module names no other module's template or bean:
 * the module that owns a panel decides what it shows, and to whom, and reads (and audits) what it needs.
 */
public interface ClientPagePanel {

    /** The panel for this client and the signed-in user, or empty to show nothing (a role that may not see it). */
    Optional<Panel> panelFor(ClientId client);

    /**
     * A Thymeleaf fragment, by template and fragment name ({@code duplicates/fragment}, {@code panel}), and the value
     * it shows.
     */
    record Panel(String template, String fragment, Object model) {
    }
}
