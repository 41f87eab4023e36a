package org.ishenim.intake;

import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.Sex;

/**
 * The yearly TDI table, pure: people entering treatment in a year, each person once (their first entry of the year),
 * split into first-ever treatment, treatment again, and not known; by primary drug, sex, age band, route, referral
 * source and OST history. Only clients with the statistics consent are counted; the rest are counted as left out.
 */
final class TreatmentDemand {

    /** TDI's split of people entering treatment. */
    enum Status {
        FIRST_EVER, AGAIN, NOT_KNOWN
    }

    /** Five-year age bands at entry, under 15 and 65 and over at the ends. */
    static final List<String> AGE_BANDS = List.of("<15", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
            "45-49", "50-54", "55-59", "60-64", "65+");

    /** One category of a table: people by status. */
    record Row(String category, long firstEver, long again, long notKnown) {
        public long total() {
            return firstEver + again + notKnown;
        }
    }

    /** One disaggregation: its name (a message key part: {@code primaryDrug}, {@code sex}, ...) and its rows. */
    record Table(String dimension, List<Row> rows) {
    }

    record Report(Year year, long counted, long leftOut, Row total, List<Table> tables) {
    }

    /** One person entering treatment in the year: the first entry, the status, and the client's sex and age. */
    record Person(TreatmentEntry entry, Status status, Sex sex, String ageBand) {
    }

    private TreatmentDemand() {
    }

    /**
     * The report. {@code entries} are the year's entries (any order); {@code clients} the clients they name;
     * {@code consenting} those with the statistics consent.
     */
    static Report of(Year year, List<TreatmentEntries.InYear> entries, Map<ClientId, Client> clients,
            Set<ClientId> consenting) {
        Map<ClientId, TreatmentEntries.InYear> first = new LinkedHashMap<>();
        for (var e : entries) {
            first.merge(e.entry().client(), e, (a, b) -> earlier(a, b));
        }
        List<Person> people = new ArrayList<>();
        long leftOut = 0;
        for (var e : first.values()) {
            Client client = clients.get(e.entry().client());
            if (client == null || !consenting.contains(e.entry().client())) {
                leftOut++;
                continue;
            }
            int age = year.getValue() - client.birthYear();
            people.add(new Person(e.entry(), status(e), client.sex(), ageBand(age)));
        }
        List<Table> tables = List.of(
                table("primaryDrug", codes(PrimaryDrug.values()), people, p -> p.entry().items().drug().name()),
                table("sex", codes(Sex.values()), people, p -> p.sex().name()),
                table("age", AGE_BANDS, people, Person::ageBand),
                table("route", codes(Route.values()), people, p -> p.entry().items().route().name()),
                table("referralSource", codes(ReferralSource.values()), people,
                        p -> p.entry().items().referral().name()),
                table("everOst", codes(YesNo.values()), people, p -> p.entry().items().everOst().name()));
        return new Report(year, people.size(), leftOut, row("total", people), tables);
    }

    /**
     * First-ever treatment when the client says never treated before and this clinic holds no earlier entry; again when
     * treated before by either; not known otherwise ("not known" or "declined", with no earlier entry here).
     */
    static Status status(TreatmentEntries.InYear e) {
        PreviousTreatment previous = e.entry().items().previous();
        if (e.earlierEntry() || previous == PreviousTreatment.PREVIOUSLY) {
            return Status.AGAIN;
        }
        return previous == PreviousTreatment.NEVER ? Status.FIRST_EVER : Status.NOT_KNOWN;
    }

    static String ageBand(int age) {
        if (age < 15) {
            return AGE_BANDS.get(0);
        }
        if (age >= 65) {
            return AGE_BANDS.get(AGE_BANDS.size() - 1);
        }
        return AGE_BANDS.get((age - 15) / 5 + 1);
    }

    private static TreatmentEntries.InYear earlier(TreatmentEntries.InYear a, TreatmentEntries.InYear b) {
        int byDay = a.entry().enteredOn().compareTo(b.entry().enteredOn());
        if (byDay != 0) {
            return byDay < 0 ? a : b;
        }
        return a.entry().recordedAt().isAfter(b.entry().recordedAt()) ? b : a;
    }

    private static Table table(String dimension, List<String> categories, List<Person> people,
            Function<Person, String> category) {
        return new Table(dimension, categories.stream()
                .map(c -> row(c, people.stream().filter(p -> category.apply(p).equals(c)).toList())).toList());
    }

    private static Row row(String category, List<Person> people) {
        return new Row(category, count(people, Status.FIRST_EVER), count(people, Status.AGAIN),
                count(people, Status.NOT_KNOWN));
    }

    private static long count(List<Person> people, Status status) {
        return people.stream().filter(p -> p.status() == status).count();
    }

    private static List<String> codes(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
