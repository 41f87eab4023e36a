package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic's safeguards against a lying hub (docs/indicators.md, "Safeguards at the clinic"): only references the
 * clinic holds, with the duplicate-check consent in force; the whole list refused beyond the configured share or when
 * fewer than min-cell clients would stay; and the hub's answer read strictly.
 */
class CountedElsewhereTest {

    static final Instant AS_OF = Instant.parse("2026-03-31T22:00:00Z");

    final Map<String, ClientId> held = new HashMap<>();
    final Set<ClientId> consenting = new HashSet<>();
    final Set<ClientId> counted = new HashSet<>();

    /** {@code n} clients counted here, each with a reference held and the duplicate-check consent. */
    List<String> clinic(int n) {
        List<String> refs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClientId id = new ClientId(UUID.randomUUID());
            String ref = String.format("%032x", i + 1);
            held.put(ref, id);
            consenting.add(id);
            counted.add(id);
            refs.add(ref);
        }
        return refs;
    }

    @Test
    void aForeignReferenceAndOneWithoutTheConsentAreIgnored() {
        List<String> refs = clinic(20);
        String foreign = "f".repeat(32);
        consenting.remove(held.get(refs.get(1)));
        var applied = CountedElsewhere.apply(new CountedElsewhere.HubList(AS_OF, List.of(refs.get(0), refs.get(1),
                foreign)), held, consenting, counted, 0.20, 11);
        assertThat(applied.status()).isEqualTo(CountedElsewhere.Status.APPLIED);
        assertThat(applied.leftOut()).containsExactly(held.get(refs.get(0)));
        assertThat(applied.fates()).containsEntry(refs.get(0), CountedElsewhere.Fate.LEFT_OUT)
                .containsEntry(refs.get(1), CountedElsewhere.Fate.NO_CONSENT)
                .containsEntry(foreign, CountedElsewhere.Fate.NOT_HELD);
        assertThat(applied.hubAsOf()).isEqualTo(AS_OF);
    }

    @Test
    void aListLeavingOutMoreThanTheShareIsRefusedWhole() {
        List<String> refs = clinic(20);
        var atTheShare = CountedElsewhere.apply(new CountedElsewhere.HubList(AS_OF, refs.subList(0, 4)), held,
                consenting, counted, 0.20, 11);
        assertThat(atTheShare.status()).isEqualTo(CountedElsewhere.Status.APPLIED);
        assertThat(atTheShare.leftOut()).hasSize(4);

        var beyond = CountedElsewhere.apply(new CountedElsewhere.HubList(AS_OF, refs.subList(0, 5)), held, consenting,
                counted, 0.20, 11);
        assertThat(beyond.status()).isEqualTo(CountedElsewhere.Status.REFUSED);
        assertThat(beyond.leftOut()).isEmpty();
        assertThat(beyond.fates().values()).containsOnly(CountedElsewhere.Fate.REFUSED);
    }

    @Test
    void aListLeavingFewerThanMinCellIsRefusedWhole() {
        List<String> refs = clinic(12);
        var refused = CountedElsewhere.apply(new CountedElsewhere.HubList(AS_OF, refs.subList(0, 2)), held, consenting,
                counted, 0.20, 11);
        assertThat(refused.status()).isEqualTo(CountedElsewhere.Status.REFUSED);
        assertThat(refused.leftOut()).isEmpty();
        var none = CountedElsewhere.apply(new CountedElsewhere.HubList(AS_OF, List.of()), held, consenting, counted,
                0.20, 11);
        assertThat(none.status()).as("an empty list leaves nobody out").isEqualTo(CountedElsewhere.Status.APPLIED);
    }

    @Test
    void theHubsAnswerIsReadStrictly() {
        var json = JsonMapper.builder().build();
        String ref = "0".repeat(31) + "1";
        assertThat(CountedElsewhereClient.read(json.readTree("{\"asOf\":\"2026-03-31T22:00:00Z\",\"references\":[\""
                + ref + "\"]}"))).hasValueSatisfying(l -> assertThat(l.references()).containsExactly(ref));
        for (String bad : List.of("[]", "{\"asOf\":\"2026-03-31T22:00:00Z\"}",
                "{\"asOf\":\"yesterday\",\"references\":[]}",
                "{\"asOf\":\"2026-03-31T22:00:00Z\",\"references\":[\"" + ref.toUpperCase().replace('1', 'A') + "\"]}",
                "{\"asOf\":\"2026-03-31T22:00:00Z\",\"references\":[1]}",
                "{\"asOf\":\"2026-03-31T22:00:00Z\",\"references\":[],\"sex\":\"F\"}")) {
            assertThat(CountedElsewhereClient.read(json.readTree(bad))).as(bad).isEmpty();
        }
    }
}
