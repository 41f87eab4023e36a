package org.ishenim.bench.cryptanalysis;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.ishenim.linkage.Clk;

/**
 * Not a test: the cryptanalysis benchmark of issue 14 (docs/cryptanalysis.md). Generates a synthetic population,
 * encodes it under each encoding option with a fresh random secret, runs every attack with an exact and a noisy
 * frequency table, and prints a Markdown table of re-identified shares next to the most-common-name baseline.
 *
 * <pre>bench/cryptanalysis.sh [clients] [seed] [birth-years] [encodings, e.g. salt=none,salt=birth-year]</pre>
 */
public final class CryptanalysisBenchmark {

    private CryptanalysisBenchmark() {
    }

    public static void main(String[] args) {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int years = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Instant start = Instant.now();
        List<Person> people = SyntheticPopulation.generate(clients, years, seed);
        FrequencyTable exact = FrequencyTable.exact(people);
        FrequencyTable noisy = exact.noisy(new Random(seed * 31 + 7), 0.5, 0.2);
        List<String> only = args.length > 3 ? List.of(args[3].split(",")) : List.of();
        List<Encoding> encodings = List.<Encoding>of(ClinicEncoding.unsalted(), ClinicEncoding.birthYearSalted())
                .stream().filter(e -> only.isEmpty() || only.contains(e.name())).toList();
        List<Attack> attacks = List.of(new PatternMiningAttack(), new GraphMatchingAttack());

        System.out.printf(Locale.ROOT, "%,d clients, %d birth years (%,d per year), seed %d, %s%n%n", clients, years,
                clients / years, seed, java.time.LocalDate.now());
        Score overall = Score.baseline(people, false);
        Score perSex = Score.baseline(people, true);
        System.out.println("| encoding | attack | table | given name | family name | both | time |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| any | most common name (per sex) | - | %s (%s) | %s | %s (%s) | - |%n",
                pct(overall.given()), pct(perSex.given()), pct(overall.family()), pct(overall.both()),
                pct(perSex.both()));
        List<String> rows = new ArrayList<>();
        for (Encoding encoding : encodings) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret); // the clinics' secret: never passed to an attack
            List<Clk> clks = encoding.encode(people, secret);
            java.util.Arrays.fill(secret, (byte) 0);
            AttackerView view = new AttackerView(clks, PublicSchema.parse(encoding.publicSchema()));
            for (Attack attack : attacks) {
                for (boolean isExact : new boolean[] {true, false}) {
                    Instant t0 = Instant.now();
                    Attack.Guesses guesses = attack.run(view, isExact ? exact : noisy);
                    Duration took = Duration.between(t0, Instant.now());
                    Score s = Score.of(people, guesses);
                    String row = String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %d s |",
                            encoding.name(), attack.name(), isExact ? "exact" : "noisy", pct(s.given()),
                            pct(s.family()), pct(s.both()), took.toSeconds());
                    System.out.println(row);
                    rows.add(row);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%ntotal %d s%n", Duration.between(start, Instant.now()).toSeconds());
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
