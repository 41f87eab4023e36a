package org.ishenim.dosing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.ishenim.clients.ClientId;
import org.ishenim.web.ClinicOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The doses given, for modules that count them (the clinic's indicators). Pseudonymous: ids, days and times. */
@Service
@ClinicOnly
public class DoseHistory {

    /**
     * One dispensing: given at {@code givenAt}, covering {@code days} days from {@code firstDay} (1 = that day
     * only; more = take-home doses for the days after it).
     */
    public record Given(ClientId client, LocalDate firstDay, int days, Instant givenAt) {
    }

    private final Dispensings dispensings;

    DoseHistory(Dispensings dispensings) {
        this.dispensings = dispensings;
    }

    /**
     * Every dispensing of the clinic whose first day lies in {@code [from, to]}, in one statement, in no particular
     * order. Not audited here: the caller audits its own read and keeps only aggregates.
     */
    @Transactional(readOnly = true)
    public List<Given> givenBetween(LocalDate from, LocalDate to) {
        return dispensings.givenBetween(from, to);
    }

    /**
     * The given clients' dispensings whose first day lies in {@code [from, to]}, in one statement, in no particular
     * order. Not audited here, as {@link #givenBetween(LocalDate, LocalDate)}.
     */
    @Transactional(readOnly = true)
    public List<Given> givenBetween(LocalDate from, LocalDate to, Collection<ClientId> clients) {
        return dispensings.givenBetween(from, to, clients.stream().map(ClientId::value).toList());
    }
}
