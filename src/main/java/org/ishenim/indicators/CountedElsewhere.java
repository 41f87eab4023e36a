package org.ishenim.indicators;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.ishenim.clients.ClientId;

/**
 * The hub's "counted elsewhere" list as this clinic applied it to one monthly report (docs/indicators.md, "Safeguards at
 * the clinic"). A reference is accepted only when the clinic holds it and its client's {@code DUPLICATE_CHECK} consent
 * is in force; the whole list is refused when it would leave out more than {@code maxExcludedShare} of the consenting
 * clients or leave fewer than {@code minCell} of them in the contribution. {@code leftOut} are the consenting clients
 * the contribution leaves out; {@code fates} what became of each reference the hub sent (kept with the frozen report).
 */
record CountedElsewhere(Status status, Instant hubAsOf, Set<ClientId> leftOut, Map<String, Fate> fates) {

    /** Whether the list was applied; travels in the report as {@code exclusions}. */
    enum Status {
        /** Applied: the contribution leaves out the accepted clients (perhaps none). */
        APPLIED,
        /** Refused whole by the safeguards: nobody is left out, and the report says so. */
        REFUSED,
        /** The hub could not be asked (not configured, unreachable, or an answer that is not a list): nobody is left out. */
        UNAVAILABLE
    }

    /** What became of one reference of the list. */
    enum Fate {
        /** Held here, with the duplicate-check consent in force: left out of the contribution. */
        LEFT_OUT,
        /** Not a reference this clinic holds (ignored). */
        NOT_HELD,
        /** Held here, but the client's duplicate-check consent is no longer in force (ignored). */
        NO_CONSENT,
        /** Accepted, but the whole list was refused by the safeguards. */
        REFUSED
    }

    /** The list as the hub answered it. */
    record HubList(Instant asOf, List<String> references) {
        HubList {
            Objects.requireNonNull(asOf, "asOf");
            references = List.copyOf(references);
        }
    }

    CountedElsewhere {
        Objects.requireNonNull(status, "status");
        leftOut = Set.copyOf(leftOut);
        fates = Collections.unmodifiableMap(new TreeMap<>(fates));
    }

    static CountedElsewhere unavailable() {
        return new CountedElsewhere(Status.UNAVAILABLE, null, Set.of(), Map.of());
    }

    /**
     * Applies the safeguards to the hub's list.
     *
     * @param held             the clients behind the references this clinic holds
     * @param duplicateConsent the clients whose {@code DUPLICATE_CHECK} consent is in force
     * @param counted          the clients the contribution counts ({@code STATISTICS} consent)
     */
    static CountedElsewhere apply(HubList list, Map<String, ClientId> held, Set<ClientId> duplicateConsent,
            Set<ClientId> counted, double maxExcludedShare, int minCell) {
        Map<String, Fate> fates = new TreeMap<>();
        Set<ClientId> leftOut = new HashSet<>();
        for (String reference : list.references()) {
            ClientId client = held.get(reference);
            if (client == null) {
                fates.put(reference, Fate.NOT_HELD);
            } else if (!duplicateConsent.contains(client)) {
                fates.put(reference, Fate.NO_CONSENT);
            } else {
                fates.put(reference, Fate.LEFT_OUT);
                if (counted.contains(client)) {
                    leftOut.add(client);
                }
            }
        }
        boolean tooMany = leftOut.size() > maxExcludedShare * counted.size();
        boolean tooFewLeft = !leftOut.isEmpty() && counted.size() - leftOut.size() < minCell;
        if (tooMany || tooFewLeft) {
            fates.replaceAll((reference, fate) -> fate == Fate.LEFT_OUT ? Fate.REFUSED : fate);
            return new CountedElsewhere(Status.REFUSED, list.asOf(), Set.of(), fates);
        }
        return new CountedElsewhere(Status.APPLIED, list.asOf(), leftOut, fates);
    }
}
