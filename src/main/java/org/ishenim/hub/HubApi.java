package org.ishenim.hub;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.ishenim.web.HubOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.*;
import tools.jackson.databind.JsonNode;

/**
 * The hub API. Sites (bearer token) upload, refresh and delete their own encodings and ask whether an encoding
 * has candidates; the answer is a list of {@code {site, reference, sameSite}}, never an encoding or a score. The
 * hub admin registers sites; admin and analyst read the count of unique clients.
 */
@RestController
@RequestMapping("/api/v1/hub")
@HubOnly
class HubApi {

    record Candidates(List<HubEncodings.Candidate> candidates) {
    }

    record Registration(String code, String name) {
    }

    record SiteView(String code, String name, boolean active, long encodings) {
        static SiteView of(Site s) {
            return new SiteView(s.code(), s.name(), s.active(), s.encodings());
        }
    }

    private final HubEncodings encodings;
    private final HubSites sites;
    private final EncodingPayloads payloads;
    private final HubEncodingConfiguration configuration;
    private final int maxBatch;

    HubApi(HubEncodings encodings, HubSites sites, HubEncodingConfiguration configuration,
            @Value("${ishenim.hub.max-batch:1000}") int maxBatch) {
        this.encodings = encodings;
        this.sites = sites;
        this.configuration = configuration;
        this.payloads = new EncodingPayloads(configuration.bits(), configuration.shape());
        this.maxBatch = maxBatch;
    }

    /** Adds or replaces one encoding under the site's reference. */
    @PutMapping(path = "/encodings/{reference}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SITE')")
    ResponseEntity<Void> put(@AuthenticationPrincipal SitePrincipal site, @PathVariable String reference,
            @RequestHeader(name = HubEncodingConfiguration.HEADER, required = false) String encoding,
            @RequestBody JsonNode body) {
        configuration.require(encoding);
        String ref = EncodingPayloads.reference(reference, "reference");
        encodings.put(site.code(), List.of(new EncodingPayloads.Item(ref, payloads.single(body))));
        return ResponseEntity.noContent().build();
    }

    /** Adds or replaces many encodings at once (a refresh), at most {@code ishenim.hub.max-batch}. */
    @PostMapping(path = "/encodings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SITE')")
    Map<String, Integer> putAll(@AuthenticationPrincipal SitePrincipal site,
            @RequestHeader(name = HubEncodingConfiguration.HEADER, required = false) String encoding,
            @RequestBody JsonNode body) {
        configuration.require(encoding);
        var items = payloads.batch(body, maxBatch);
        encodings.put(site.code(), items);
        return Map.of("stored", items.size());
    }

    /** Removes one of the caller's own encodings (consent revoked, identity erased). Idempotent. */
    @DeleteMapping("/encodings/{reference}")
    @PreAuthorize("hasRole('SITE')")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SitePrincipal site, @PathVariable String reference) {
        encodings.delete(site.code(), EncodingPayloads.reference(reference, "reference"));
        return ResponseEntity.noContent().build();
    }

    /** Candidates at or above the threshold for one encoding; the asking record ({@code reference}) is left out. */
    @PostMapping(path = "/queries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SITE')")
    Candidates query(@AuthenticationPrincipal SitePrincipal site,
            @RequestHeader(name = HubEncodingConfiguration.HEADER, required = false) String encoding,
            @RequestBody JsonNode body) {
        configuration.require(encoding);
        var item = payloads.query(body);
        return new Candidates(encodings.query(site.code(), item.reference(), item.clk()));
    }

    /**
     * The caller's own references that are counted at another site this month (docs/indicators.md): {@code
     * {"asOf": instant, "references": [...]}}. Never another site's reference.
     */
    @GetMapping("/counted-elsewhere")
    @PreAuthorize("hasRole('SITE')")
    HubEncodings.CountedElsewhere countedElsewhere(@AuthenticationPrincipal SitePrincipal site) {
        return encodings.countedElsewhere(site.code());
    }

    /** Unique clients across sites: clusters of encodings at the threshold. */
    @GetMapping("/unique-clients")
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
    HubEncodings.Census census() {
        return encodings.census();
    }

    @GetMapping("/sites")
    @PreAuthorize("hasRole('ADMIN')")
    List<SiteView> sites() {
        return sites.list().stream().map(SiteView::of).toList();
    }

    /** Registers a site and returns its token, shown this once. */
    @PostMapping("/sites")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<HubSites.Issued> register(@RequestBody(required = false) Registration registration) {
        if (registration == null) {
            throw new org.ishenim.web.InvalidFieldsException(Map.of("code", "This field is required."));
        }
        var issued = sites.register(registration.code(), registration.name());
        return ResponseEntity.created(URI.create("/api/v1/hub/sites/" + issued.site())).body(issued);
    }

    @PostMapping("/sites/{code}/token")
    @PreAuthorize("hasRole('ADMIN')")
    HubSites.Issued rotate(@PathVariable String code) {
        return sites.rotate(code);
    }

    @DeleteMapping("/sites/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> deactivate(@PathVariable String code) {
        sites.deactivate(code);
        return ResponseEntity.noContent().build();
    }
}
