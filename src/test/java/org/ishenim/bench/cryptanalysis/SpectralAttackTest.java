package org.ishenim.bench.cryptanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ishenim.linkage.Clk;
import org.junit.jupiter.api.Test;

/**
 * The spectral attack is real: on a small unhardened population, the group it names after the most common given
 * name is that name's holders, and it beats the most-common-name guess. Fixed seed and secret, so never flaky.
 */
class SpectralAttackTest {

    @Test
    void findsTheHoldersOfTheMostCommonGivenName() {
        List<Person> people = SyntheticPopulation.generate(3_000, 40, 7);
        Encoding encoding = ClinicEncoding.unsalted();
        List<Clk> clks = encoding.encode(people, "a fixed test secret, never given to the attack"
                .getBytes(StandardCharsets.UTF_8));
        FrequencyTable table = FrequencyTable.exact(people);
        String top = table.given().get(0).name();

        Attack.Guesses guesses = new SpectralAttack().run(
                new AttackerView(clks, PublicSchema.parse(encoding.publicSchema())), table);

        int named = 0;
        int right = 0;
        int holders = 0;
        for (int i = 0; i < people.size(); i++) {
            boolean holds = Score.sameGiven(top, people.get(i).givenName());
            boolean guessed = Score.sameGiven(top, guesses.given()[i]);
            holders += holds ? 1 : 0;
            named += guessed ? 1 : 0;
            right += holds && guessed ? 1 : 0;
        }
        assertThat(right).isGreaterThan((int) (0.9 * named)).isGreaterThan((int) (0.8 * holders));
        Score attack = Score.of(people, guesses);
        Score baseline = Score.baseline(people, true);
        assertThat(attack.given()).isGreaterThan(baseline.given() + 0.01);
        assertThat(attack.family()).isGreaterThan(baseline.family() + 0.03);
    }
}
