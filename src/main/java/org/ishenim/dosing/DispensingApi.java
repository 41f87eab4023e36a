package org.ishenim.dosing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.medicines.Milligrams;
import org.ishenim.prescriptions.Prescription;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.InvalidFieldsException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

/** The dosing REST API: record a dose (idempotent), return bottles, today's queue, reviews, absences. */
@RestController
@RequestMapping("/api/v1")
@ClinicOnly
class DispensingApi {

    record ReturnRequest(Integer bottles) {
    }

    record ReviewRequest(UUID clientId, String doseMg, Boolean reinduction, String reason) {
    }

    record SearchRequest(String query) {
    }

    record AbsenceRequest(UUID clientId, LocalDate day, String reason) {
    }

    private final Dosing dosing;

    DispensingApi(Dosing dosing) {
        this.dosing = dosing;
    }

    @PostMapping("/dispensings")
    @PreAuthorize("hasAnyRole('NURSE','PHARMACIST')")
    ResponseEntity<String> dispense(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody DoseRequest request) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new InvalidFieldsException(Map.of("Idempotency-Key", "A header of 1 to 100 characters is required."));
        }
        var answer = dosing.dispense(request, key.strip());
        var builder = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
        if (answer.replay()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.location(URI.create("/api/v1/dispensings")).body(answer.json());
    }

    @PostMapping("/dispensings/{id}/returns")
    @PreAuthorize("hasAnyRole('NURSE','PHARMACIST')")
    ResponseEntity<Void> returns(@PathVariable UUID id, @RequestBody ReturnRequest request) {
        dosing.returnBottles(id, request == null || request.bottles() == null ? 0 : request.bottles());
        return ResponseEntity.noContent().build();
    }

    /** Today's queue; a search in it by UIC or alias is {@link #searchQueue}. */
    @GetMapping("/dosing/queue")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    List<QueueEntry> queue(@RequestParam(required = false) String query) {
        if (query != null && !query.isBlank()) {
            throw new IllegalArgumentException("Search with POST /api/v1/dosing/queue/search and {\"query\": ...} in the "
                    + "body: a UIC or alias in the address is kept in access logs.");
        }
        return dosing.queue("");
    }

    /** Today's queue narrowed to a UIC or alias; a POST, so that the query stays out of proxy logs. */
    @PostMapping("/dosing/queue/search")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    List<QueueEntry> searchQueue(@RequestBody(required = false) SearchRequest request) {
        return dosing.queue(request == null || request.query() == null ? "" : request.query());
    }

    @PostMapping("/dosing/reviews")
    @PreAuthorize("hasRole('DOCTOR')")
    ResponseEntity<Prescription> review(@RequestBody ReviewRequest r) {
        if (r == null || r.clientId() == null || r.doseMg() == null) {
            throw new InvalidFieldsException(Map.of("clientId", "clientId and doseMg are required."));
        }
        var result = dosing.review(new ClientId(r.clientId()), Milligrams.of(r.doseMg()),
                Boolean.TRUE.equals(r.reinduction()), r.reason());
        return ResponseEntity.status(201).body(result.prescription());
    }

    @PostMapping("/dosing/absences")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    ResponseEntity<Void> absence(@RequestBody AbsenceRequest r) {
        if (r == null || r.clientId() == null || r.day() == null) {
            throw new InvalidFieldsException(Map.of("clientId", "clientId and day are required."));
        }
        dosing.absenceReason(new ClientId(r.clientId()), r.day(), r.reason());
        return ResponseEntity.noContent().build();
    }
}
