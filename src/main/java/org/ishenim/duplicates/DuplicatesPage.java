package org.ishenim.duplicates;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ishenim.audit.ClientPaths;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;

/**
 * {@code /duplicates}: the checks still waiting for the hub and the possible duplicates found, by UIC and alias
 * (never a name), and each client's status as a fragment for the client page.
 */
@Controller
@RequestMapping("/duplicates")
@PreAuthorize("hasAnyRole('DOCTOR','NURSE')")
@ClinicOnly
class DuplicatesPage {

    private static final int LIMIT = 200;

    /** A row of the page: the client's pseudonym and the check. */
    record Row(UUID clientId, String uic, String alias, DuplicateStatus status) {
    }

    private final DuplicateCheck duplicates;
    private final DuplicateCheckSender sender;
    private final ClientRecords records;
    private final HubConnection hub;
    private final HubMismatch mismatch;

    DuplicatesPage(DuplicateCheck duplicates, DuplicateCheckSender sender, ClientRecords records, HubConnection hub,
            HubMismatch mismatch) {
        this.duplicates = duplicates;
        this.sender = sender;
        this.records = records;
        this.hub = hub;
        this.mismatch = mismatch;
    }

    /** The addresses here that name a client: a refused access is audited against that client. */
    @Bean
    static ClientPaths duplicatePagePaths() {
        return ClientPaths.of("/duplicates/clients/{clientId}/**");
    }

    @GetMapping
    String list(@RequestParam(required = false) String checking, Model model) {
        model.addAttribute("checking", checking != null);
        return list(model);
    }

    /** The page; every attribute its template tests has a value here, so no path of the page meets a null. */
    private String list(Model model) {
        if (!model.containsAttribute("checking")) {
            model.addAttribute("checking", false);
        }
        model.addAttribute("configured", hub.configured());
        model.addAttribute("mismatch", mismatch.current().orElse(null));
        model.addAttribute("found", rows(duplicates.worklist(CheckState.FOUND, LIMIT)));
        model.addAttribute("pending", rows(duplicates.worklist(CheckState.PENDING, LIMIT)));
        return "duplicates/list";
    }

    /** Tries every pending check now, ignoring the retry delay, in the background. */
    @PostMapping("/retry")
    String retry() {
        sender.sendNowInBackground();
        return "redirect:/duplicates?checking";
    }

    /** Uploads every consenting client again (after the hub lost its data, or the shared secret changed). */
    @PostMapping("/refresh")
    String refresh(Model model) {
        model.addAttribute("refreshed", duplicates.refresh(true));
        return list(model);
    }

    /** Another site calls about "our reference ...": open that client's page. */
    @GetMapping("/lookup")
    String lookup(@RequestParam(defaultValue = "") String reference, Model model) {
        var found = duplicates.clientByReference(reference);
        if (found.isPresent()) {
            return "redirect:/clients/" + found.get();
        }
        model.addAttribute("notFound", true);
        return list(model);
    }

    /** One client's status, alone (htmx or a plain link from the client page). */
    @GetMapping("/clients/{id}")
    String client(@PathVariable UUID id, Model model) {
        // checked here, not first inside the template, where a refusal could only end as a failed page
        records.find(new ClientId(id)).orElseThrow(() -> new NotFoundException("No client with this id."));
        model.addAttribute("check", duplicates.status(id));
        return "duplicates/fragment :: status(check=${check})";
    }

    @PostMapping("/clients/{id}")
    String again(@PathVariable UUID id) {
        duplicates.status(id);
        duplicates.request(new ClientId(id));
        return "redirect:/clients/" + id;
    }

    private List<Row> rows(List<DuplicateStatus> statuses) {
        return statuses.stream().map(s -> {
            Optional<Client> c = records.find(new ClientId(s.clientId()));
            return new Row(s.clientId(), c.map(x -> x.uic().value()).orElse("?"), c.map(Client::alias).orElse("?"), s);
        }).toList();
    }
}
