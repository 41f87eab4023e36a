package org.ishenim.duplicates;

import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.springframework.context.ApplicationContext;

/** For tests of other modules that run a clinic against a hub: sends the owed checks now, reads a reference. */
public final class DuplicateCheckDriver {

    private DuplicateCheckDriver() {
    }

    /** Sends every check the clinic owes the hub, now, on this thread. Returns how many went through. */
    public static int sendNow(ApplicationContext clinic) {
        return clinic.getBean(DuplicateCheckSender.class).sendNow();
    }

    /** The reference under which the clinic sent the client's encoding. */
    public static String reference(ApplicationContext clinic, UUID client) {
        return clinic.getBean(DuplicateChecks.class).find(new ClientId(client)).orElseThrow().reference();
    }
}
