package org.ishenim.prescriptions;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.InvalidFieldsException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

/** Prescriptions over REST: doctors write and countersign; nurses and pharmacists read. */
@RestController
@RequestMapping("/api/v1/prescriptions")
@ClinicOnly
class PrescriptionApi {

    record PrescribeRequest(UUID clientId, Medicine medicine, String dailyDoseMg, LocalDate startOn, LocalDate endOn,
            Integer takeHomeDays, String notes) {
    }

    record ChangeRequest(String dailyDoseMg, Integer takeHomeDays, String reason) {
    }

    record EndRequest(String reason) {
    }

    record Medicines(String code, String label, String substance, String form, String strength, String doseUnitMg) {
    }

    private final Prescribing prescribing;

    PrescriptionApi(Prescribing prescribing) {
        this.prescribing = prescribing;
    }

    @PostMapping
    @PreAuthorize("hasRole('DOCTOR')")
    ResponseEntity<Prescribing.Result> prescribe(@RequestBody PrescribeRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (r == null || r.clientId() == null) {
            errors.put("clientId", "This field is required.");
        }
        if (r == null || r.medicine() == null) {
            errors.put("medicine", "This field is required.");
        }
        if (r == null || r.dailyDoseMg() == null) {
            errors.put("dailyDoseMg", "This field is required.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        var result = prescribing.prescribe(new ClientId(r.clientId()), r.medicine(), Milligrams.of(r.dailyDoseMg()),
                r.startOn(), r.endOn(), r.takeHomeDays() == null ? 0 : r.takeHomeDays(), r.notes());
        return ResponseEntity.created(URI.create("/api/v1/prescriptions/" + result.prescription().id())).body(result);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    List<Prescribing.History> ofClient(@RequestParam UUID clientId) {
        return prescribing.history(new ClientId(clientId));
    }

    @GetMapping("/medicines")
    @PreAuthorize("isAuthenticated()")
    List<Medicines> medicines() {
        return java.util.Arrays.stream(Medicine.values()).map(m -> new Medicines(m.name(), m.label(), m.substance().name(),
                m.form().name(), m.strength().toPlainString(), m.doseUnit().plain())).toList();
    }

    @PostMapping("/{id}/versions")
    @PreAuthorize("hasRole('DOCTOR')")
    ResponseEntity<Prescribing.Result> change(@PathVariable UUID id, @RequestBody ChangeRequest r) {
        if (r == null || r.dailyDoseMg() == null) {
            throw new InvalidFieldsException(Map.of("dailyDoseMg", "This field is required."));
        }
        var current = prescribing.find(new PrescriptionId(id)).map(Prescription::current);
        int takeHome = r.takeHomeDays() != null ? r.takeHomeDays()
                : current.map(PrescriptionVersion::takeHomeDays).orElse(0);
        return ResponseEntity.status(201)
                .body(prescribing.changeDose(new PrescriptionId(id), Milligrams.of(r.dailyDoseMg()), takeHome, r.reason()));
    }

    @PostMapping("/{id}/countersignature")
    @PreAuthorize("hasRole('DOCTOR')")
    Prescribing.Result countersign(@PathVariable UUID id) {
        return prescribing.countersign(new PrescriptionId(id));
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("hasRole('DOCTOR')")
    Prescription end(@PathVariable UUID id, @RequestBody EndRequest r) {
        return prescribing.end(new PrescriptionId(id), r == null ? null : r.reason());
    }
}
