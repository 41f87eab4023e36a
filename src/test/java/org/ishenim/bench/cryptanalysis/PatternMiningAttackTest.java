package org.ishenim.bench.cryptanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ishenim.linkage.Clk;
import org.junit.jupiter.api.Test;

/**
 * The cryptanalysis benchmark's attack is real: on a small unsalted population with the exact frequency table it
 * re-identifies far more names than guessing the most common one. Fixed seed and secret, so never flaky.
 */
class PatternMiningAttackTest {

    @Test
    void recoversFarMoreNamesThanTheMostCommonNameGuess() {
        List<Person> people = SyntheticPopulation.generate(2_000, 40, 7);
        Encoding encoding = ClinicEncoding.unsalted();
        List<Clk> clks = encoding.encode(people, "a fixed test secret, never given to the attack"
                .getBytes(StandardCharsets.UTF_8));

        Attack.Guesses guesses = new PatternMiningAttack().run(
                new AttackerView(clks, PublicSchema.parse(encoding.publicSchema())), FrequencyTable.exact(people));

        Score attack = Score.of(people, guesses);
        Score baseline = Score.baseline(people, true);
        assertThat(attack.given()).isGreaterThan(baseline.given() + 0.25);
        assertThat(attack.family()).isGreaterThan(baseline.family() + 0.05);
    }
}
