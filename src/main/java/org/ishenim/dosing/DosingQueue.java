package org.ishenim.dosing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Purpose;
import org.ishenim.prescriptions.ActiveCourse;
import org.ishenim.prescriptions.Prescribing;
import org.ishenim.web.ClinicOnly;
import org.springframework.stereotype.Component;

/**
 * A day's queue facts, read through the owning modules: the courses in effect (prescriptions), the clients'
 * pseudonyms and treatment consents (clients), and their dose days (here). Each is one statement for the whole
 * queue, so a queue of hundreds of clients costs the same few statements as a queue of ten. Callers audit.
 */
@Component
@ClinicOnly
class DosingQueue {

    private final Prescribing prescribing;
    private final ClientRecords clients;
    private final Consents consents;
    private final Dispensings dispensings;

    DosingQueue(Prescribing prescribing, ClientRecords clients, Consents consents, Dispensings dispensings) {
        this.prescribing = prescribing;
        this.clients = clients;
        this.consents = consents;
        this.dispensings = dispensings;
    }

    /** The day's queue, or the lines whose UIC starts with, or alias contains, the query; by alias, then UIC. */
    List<QueueRow> rows(LocalDate day, String query) {
        return rows(day, prescribing.activeOn(day), query);
    }

    /** One client's line of the day's queue (empty when no course is in effect). */
    List<QueueRow> line(LocalDate day, ClientId client) {
        return rows(day, prescribing.activeOn(day, client).stream().toList(), null);
    }

    private List<QueueRow> rows(LocalDate day, List<ActiveCourse> courses, String query) {
        if (courses.isEmpty()) {
            return List.of();
        }
        Map<ClientId, List<ActiveCourse>> byClient = new LinkedHashMap<>();
        courses.forEach(c -> byClient.computeIfAbsent(c.client(), k -> new ArrayList<>()).add(c));
        List<Client> shown = clients.find(byClient.keySet(), query);
        List<ClientId> ids = shown.stream().map(Client::id).toList();
        var consented = consents.givenAmong(ids, Purpose.TREATMENT);
        List<UUID> uuids = ids.stream().map(ClientId::value).toList();
        Map<UUID, LocalDate> lastCovered = dispensings.lastCoveredBefore(uuids, day);
        Map<UUID, Dispensings.Row> today = dispensings.coveringDay(uuids, day);
        List<QueueRow> rows = new ArrayList<>();
        for (Client c : shown) {
            UUID id = c.id().value();
            Dispensings.Row d = today.get(id);
            for (ActiveCourse p : byClient.get(c.id())) {
                rows.add(new QueueRow(id, c.uic().value(), c.alias(), p.id().value(), p.medicine(), p.resetOn(),
                        p.dailyDose(), p.takeHomeDays(), p.countersignPending(), lastCovered.get(id),
                        consented.contains(c.id()), d == null ? null : d.id(), d == null ? null : d.dispensedAt(),
                        d == null ? null : d.dispensedBy(), d == null ? null : d.firstDay(), d == null ? null : d.dose()));
            }
        }
        return rows;
    }
}
