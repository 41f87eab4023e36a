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
 * <pre>bench/cryptanalysis.sh [clients] [seed] [birth-years] [encodings, e.g. salt=none,diffusion=3x2048]
 * [attacks: pattern mining,graph matching,spectral] [tables: exact,noisy]</pre>
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
        List<String> only = args.length > 3 ? java.util.Arrays.stream(args[3].split(",")).filter(a -> !a.isBlank() && !a.equals("all")).toList() : List.of();
        List<Encoding> options = new ArrayList<>(List.of(ClinicEncoding.unsalted(), ClinicEncoding.birthYearSalted()));
        options.addAll(HardenedEncoding.all());
        for (String name : only) { // any other keyed diffusion, named TxL, for exploring the frontier
            var m = java.util.regex.Pattern.compile("diffusion=(\\d+)x(\\d+)").matcher(name);
            if (m.matches() && options.stream().noneMatch(e -> e.name().equals(name))) {
                options.add(HardenedEncoding.diffusion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
        }
        List<Encoding> encodings = options.stream().filter(e -> only.isEmpty() || only.contains(e.name())).toList();
        List<String> onlyAttacks = args.length > 4 ? java.util.Arrays.stream(args[4].split(",")).filter(a -> !a.isBlank() && !a.equals("all")).toList() : List.of();
        List<Attack> attacks = List.<Attack>of(new PatternMiningAttack(), new GraphMatchingAttack(), new SpectralAttack())
                .stream().filter(a -> onlyAttacks.isEmpty() || onlyAttacks.contains(a.name())).toList();
        List<String> onlyTables = args.length > 5 ? java.util.Arrays.stream(args[5].split(",")).filter(a -> !a.isBlank() && !a.equals("all")).toList() : List.of();
        List<String> notes = new ArrayList<>();

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
            notes.add("`" + encoding.name() + "`: " + SignalProbe.mostCommonGivenName(people, clks));
            for (Attack attack : attacks) {
                for (boolean isExact : new boolean[] {true, false}) {
                    if (!onlyTables.isEmpty() && !onlyTables.contains(isExact ? "exact" : "noisy")) {
                        continue;
                    }
                    Instant t0 = Instant.now();
                    Attack.Guesses guesses = attack.run(view, isExact ? exact : noisy);
                    Duration took = Duration.between(t0, Instant.now());
                    Score s = Score.of(people, guesses);
                    String row = String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %d s |",
                            encoding.name(), attack.name(), isExact ? "exact" : "noisy", pct(s.given()),
                            pct(s.family()), pct(s.both()), took.toSeconds());
                    System.out.println(row);
                    rows.add(row);
                    if (attack instanceof SpectralAttack spectral) {
                        spectral.diagnostics().forEach(d -> notes.add("`" + encoding.name() + "` spectral, "
                                + (isExact ? "exact" : "noisy") + " table: " + d));
                    }
                }
            }
        }
        System.out.println();
        notes.forEach(note -> System.out.println("- " + note));
        System.out.printf(Locale.ROOT, "%ntotal %d s%n", Duration.between(start, Instant.now()).toSeconds());
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
