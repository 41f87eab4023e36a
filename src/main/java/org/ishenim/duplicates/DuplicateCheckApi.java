package org.ishenim.duplicates;

import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.web.ClinicOnly;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

/** A client's duplicate check over REST: the state and any "possible duplicate at site X (reference)". */
@RestController
@RequestMapping("/api/v1/clients/{id}/duplicate-check")
@PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
@ClinicOnly
class DuplicateCheckApi {

    private final DuplicateCheck duplicates;

    DuplicateCheckApi(DuplicateCheck duplicates) {
        this.duplicates = duplicates;
    }

    @GetMapping
    DuplicateStatus status(@PathVariable UUID id) {
        return duplicates.status(id);
    }

    /** Queues the check again (with the consent and a hub configured); 202, the answer comes later. */
    @PostMapping
    ResponseEntity<DuplicateStatus> again(@PathVariable UUID id) {
        duplicates.status(id);
        duplicates.request(new ClientId(id));
        return ResponseEntity.accepted().body(duplicates.status(id));
    }
}
