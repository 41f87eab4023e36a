package org.ishenim.indicators;

import org.ishenim.web.HubOnly;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the national page's exports fragment ({@code indicators/national-exports.html}) needs besides the page's own
 * model: whether DHIS2 is configured. Kept apart from {@link NationalIndicatorPages} so that the page's controller
 * does not depend on the DHIS2 client.
 */
@ControllerAdvice(assignableTypes = NationalIndicatorPages.class)
@HubOnly
class NationalExportsModel {

    private final NationalDhis2Send send;

    NationalExportsModel(NationalDhis2Send send) {
        this.send = send;
    }

    @ModelAttribute("dhis2Configured")
    boolean dhis2Configured() {
        return send.configured();
    }
}
