package org.ishenim.intake;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientPagePanel;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.CurrentStaff;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The treatment entries' panel on the client's page, for doctors and nurses only: the entries (read and audited
 * here) and a link to the form. The only place outside the form where a client's referral source is shown.
 */
@Component
@ClinicOnly
@Order(50)
class IntakePanel implements ClientPagePanel {

    /** What the panel shows: the client's id (for the form's address) and the entries, newest first. */
    record Model(UUID clientId, List<TreatmentEntry> entries) {
    }

    private final TreatmentEntries entries;

    IntakePanel(TreatmentEntries entries) {
        this.entries = entries;
    }

    @Override
    public Optional<Panel> panelFor(ClientId client) {
        if (!CurrentStaff.hasAnyRole("DOCTOR", "NURSE")) {
            return Optional.empty();
        }
        return Optional.of(new Panel("intake/panel", "panel", new Model(client.value(), entries.of(client))));
    }
}
