package org.ishenim.reform.visits;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A visit of the commission to a country, with the meetings held and the commitments made. */
public record Visit(UUID id, String country, String title, LocalDate startsOn, LocalDate endsOn, String participants,
        List<Meeting> meetings, List<Commitment> commitments) {

    /** A meeting during a visit: the institution and its level (head of government, parliament, ministry...). */
    public record Meeting(String institution, String level) {
    }
}
