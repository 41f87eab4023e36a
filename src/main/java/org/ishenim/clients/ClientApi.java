package org.ishenim.clients;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.UUID;
import org.ishenim.audit.ClientPaths;
import org.ishenim.audit.AccessRecord;
import org.ishenim.web.ClinicOnly;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

/** The clients REST API. Lists and views are pseudonymous; identity only through an audited reveal. */
@RestController
@RequestMapping("/api/v1/clients")
@ClinicOnly
class ClientApi {

    record Created(UUID id, String uic, String alias) {
    }

    record Summary(UUID id, String uic, String alias, Sex sex, int birthYear, ClientStatus status) {
        static Summary of(Client c) {
            return new Summary(c.id().value(), c.uic().value(), c.alias(), c.sex(), c.birthYear(), c.status());
        }
    }

    record View(UUID id, String uic, String alias, Sex sex, int birthYear, ClientStatus status,
            IdentityState identityState, java.time.Instant enrolledAt, List<Consent> consents) {
    }

    record Revealed(UUID id, String uic, String alias, String givenName, String surname, LocalDate dateOfBirth,
            String phone, IdentityState identityState) {
        @Override
        public String toString() {
            return "Revealed[redacted]";
        }
    }

    record ConsentRequest(Purpose purpose) {
    }

    record SearchRequest(String query) {
    }

    record RevealRequest(String purpose) {
    }

    record ErasureRequest(String reason) {
    }

    private final ClientRecords records;
    private final Consents consents;
    private final Clock clock;

    ClientApi(ClientRecords records, Consents consents, Clock clock) {
        this.records = records;
        this.consents = consents;
        this.clock = clock;
    }

    /** The addresses here that name a client: a refused access is audited against that client. */
    @Bean
    static ClientPaths clientApiPaths() {
        return ClientPaths.of("/api/v1/clients/{clientId}/**");
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    ResponseEntity<Created> enrol(@RequestBody EnrolRequest request) {
        Client c = records.enrol(request.toEnrolment(Year.now(clock)));
        return ResponseEntity.created(URI.create("/api/v1/clients/" + c.id()))
                .body(new Created(c.id().value(), c.uic().value(), c.alias()));
    }

    /** The most recent clients; a search by UIC or alias is {@link #search}. */
    @GetMapping
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','MANAGER')")
    List<Summary> list(@RequestParam(required = false) String query) {
        if (query != null && !query.isBlank()) {
            throw new IllegalArgumentException("Search with POST /api/v1/clients/search and {\"query\": ...} in the body: "
                    + "a UIC or alias in the address is kept in access logs.");
        }
        return records.search("").stream().map(Summary::of).toList();
    }

    /** Clients whose UIC or alias contains the query; a POST, so that the query stays out of proxy logs. */
    @PostMapping("/search")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','MANAGER')")
    List<Summary> search(@RequestBody(required = false) SearchRequest request) {
        return records.search(request == null || request.query() == null ? "" : request.query()).stream()
                .map(Summary::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','MANAGER')")
    View view(@PathVariable UUID id) {
        Client c = records.view(new ClientId(id));
        return new View(id, c.uic().value(), c.alias(), c.sex(), c.birthYear(), c.status(), c.identityState(),
                c.enrolledAt(), consents.of(c.id()));
    }

    /**
     * Identity, for a doctor who states a purpose. A POST with the purpose in the body, so that neither the purpose
     * nor the fact of a reveal is written to the access logs of proxies on the way.
     */
    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasRole('DOCTOR')")
    Revealed reveal(@PathVariable UUID id, @RequestBody(required = false) RevealRequest request) {
        var clientId = new ClientId(id);
        var identity = records.reveal(clientId, request == null ? null : request.purpose());
        Client c = records.find(clientId).orElseThrow();
        return identity.map(i -> new Revealed(id, c.uic().value(), c.alias(), i.givenName(), i.surname(),
                        i.dateOfBirth(), i.phone(), c.identityState()))
                .orElse(new Revealed(id, c.uic().value(), c.alias(), null, null, null, null, c.identityState()));
    }

    /** The old address, with the purpose in the query string: refused, pointing to the POST. */
    @GetMapping(value = "/{id}", params = "reveal")
    @PreAuthorize("hasRole('DOCTOR')")
    Revealed revealByGet(@PathVariable UUID id) {
        throw new IllegalArgumentException("Reveal identity with POST /api/v1/clients/{id}/reveal and {\"purpose\": ...} "
                + "in the body: a purpose in the address is kept in access logs.");
    }

    @PostMapping("/{id}/consents")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    ResponseEntity<Consent> give(@PathVariable UUID id, @RequestBody ConsentRequest request) {
        if (request == null || request.purpose() == null) {
            throw new org.ishenim.web.InvalidFieldsException(java.util.Map.of("purpose", "This field is required."));
        }
        return ResponseEntity.status(201).body(consents.give(new ClientId(id), request.purpose()));
    }

    @DeleteMapping("/{id}/consents/{purpose}")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable Purpose purpose) {
        consents.revoke(new ClientId(id), purpose);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('DOCTOR','MANAGER')")
    ResponseEntity<Void> erase(@PathVariable UUID id, @RequestBody(required = false) ErasureRequest request) {
        records.erase(new ClientId(id), request == null ? null : request.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/access-log")
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST','AUDITOR')")
    List<AccessRecord> accessLog(@PathVariable UUID id) {
        return records.accessLog(new ClientId(id));
    }
}
