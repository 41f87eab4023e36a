package org.ishenim.duplicates;

import java.util.Optional;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientPagePanel;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.CurrentStaff;
import org.springframework.stereotype.Component;

/** The duplicate check's panel on the client's page, for doctors and nurses: the status, read and audited here. */
@Component
@ClinicOnly
class DuplicateCheckPanel implements ClientPagePanel {

    private final DuplicateCheck duplicates;

    DuplicateCheckPanel(DuplicateCheck duplicates) {
        this.duplicates = duplicates;
    }

    @Override
    public Optional<Panel> panelFor(ClientId client) {
        if (!CurrentStaff.hasAnyRole("DOCTOR", "NURSE")) {
            return Optional.empty();
        }
        return Optional.of(new Panel("duplicates/fragment", "panel", duplicates.status(client.value())));
    }
}
