package org.ishenim.clients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The demo's made-up people ({@link SyntheticPeople}) as linkage records, for tests outside this package. */
public final class SyntheticIdentities {

    /** What a clinic encodes for one client: names and date of birth may be missing, sex never. */
    public record Person(String givenName, String surname, LocalDate dateOfBirth, String sex, int birthYear) {
    }

    private SyntheticIdentities() {
    }

    /** {@code count} people with a stored identity, drawn with {@code seed}. */
    public static List<Person> withIdentity(long seed, int count) {
        SyntheticPeople people = new SyntheticPeople(seed);
        List<Person> out = new ArrayList<>(count);
        for (int n = 0; out.size() < count; n++) {
            EnrolRequest r = people.next(n);
            if (r.givenName() != null || r.surname() != null) {
                out.add(new Person(r.givenName(), r.surname(), r.dateOfBirth(), r.sex(), r.birthYear()));
            }
        }
        return out;
    }
}
