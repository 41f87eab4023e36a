package org.ishenim.indicators;

import org.ishenim.indicators.exchange.Dhis2Client;
import org.ishenim.web.HubOnly;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the national page's exports fragment ({@code indicators/national-exports.html}) needs besides the page's own
 * model: whether DHIS2 is configured. Kept apart from {@link NationalIndicatorPages} so that the page's controller
 * does not depend on the DHIS2 client. It asks for the client itself, not {@link NationalDhis2Send}: that controller
 * is for analysts only, and the page is for viewers too.
 */
@ControllerAdvice(assignableTypes = NationalIndicatorPages.class)
@HubOnly
class NationalExportsModel {

    private final ObjectProvider<Dhis2Client> dhis2;

    NationalExportsModel(ObjectProvider<Dhis2Client> dhis2) {
        this.dhis2 = dhis2;
    }

    /** Whether {@code ishenim.indicators.dhis2.base-url} is set, so that there is a client to send with. */
    @ModelAttribute("dhis2Configured")
    boolean dhis2Configured() {
        return dhis2.getIfAvailable() != null;
    }
}
