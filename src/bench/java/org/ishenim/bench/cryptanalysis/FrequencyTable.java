package org.ishenim.bench.cryptanalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ishenim.linkage.normalise.NameFolding;

/**
 * The attacker's background knowledge: given names with their sex and share of all records, and family names
 * with their share (keyed by the public surname normalisation, so Асанов and Асанова are one entry). Either the
 * exact shares of the encoded population (the generous case) or a noisy table with decoy names.
 */
record FrequencyTable(List<GivenName> given, List<FamilyName> family) {

    record GivenName(String name, String sex, double share) {
    }

    record FamilyName(String name, double share) {
    }

    private static final List<String> DECOY_MALE = List.of("Бексултан", "Нурислам", "Акжол", "Эмирлан", "Арген",
            "Байэл", "Төлөгөн", "Шерали", "Жусуп", "Фёдор", "Степан", "Тимофей", "Ярослав", "Глеб");
    private static final List<String> DECOY_FEMALE = List.of("Айкөкүл", "Нуржамал", "Периште", "Айтурган",
            "Гүлайым", "Софья", "Варвара", "Алиса", "Злата", "Милана");
    private static final List<String> DECOY_FAMILY = List.of("Болотбеков", "Сейитбеков", "Абылов", "Качкынбаев",
            "Иманалиев", "Нусупов", "Тилеков", "Комаров", "Медведев", "Гусев", "Титов", "Кудрявцев", "Баранов",
            "Куликов", "Ершов", "Бейшенов");

    /** The shares in the population itself. */
    static FrequencyTable exact(List<Person> people) {
        Map<String, GivenName> given = new LinkedHashMap<>();
        Map<String, FamilyName> family = new LinkedHashMap<>();
        double one = 1.0 / people.size();
        for (Person p : people) {
            given.merge(p.sex() + ":" + p.givenName(), new GivenName(p.givenName(), p.sex(), one),
                    (a, b) -> new GivenName(a.name(), a.sex(), a.share() + b.share()));
            family.merge(NameFolding.foldSurname(p.surname()), new FamilyName(p.surname(), one),
                    (a, b) -> new FamilyName(a.name(), a.share() + b.share()));
        }
        return new FrequencyTable(sortedGiven(new ArrayList<>(given.values())),
                sortedFamily(new ArrayList<>(family.values())));
    }

    /**
     * Every share multiplied by e^N(0, sigma), then decoy names (absent from the population) added so that they
     * make {@code decoyMass} of the table's total, and renormalised to the true total.
     */
    FrequencyTable noisy(Random random, double sigma, double decoyMass) {
        List<GivenName> g = new ArrayList<>();
        for (GivenName n : given) {
            g.add(new GivenName(n.name(), n.sex(), n.share() * Math.exp(sigma * random.nextGaussian())));
        }
        double real = g.stream().mapToDouble(GivenName::share).sum();
        double male = g.stream().filter(n -> n.sex().equals("M")).mapToDouble(GivenName::share).sum() / real;
        double[] maleDecoys = decoyShares(DECOY_MALE.size(), real * decoyMass / (1 - decoyMass) * male, random);
        double[] femaleDecoys = decoyShares(DECOY_FEMALE.size(), real * decoyMass / (1 - decoyMass) * (1 - male),
                random);
        for (int i = 0; i < DECOY_MALE.size(); i++) {
            g.add(new GivenName(DECOY_MALE.get(i), "M", maleDecoys[i]));
        }
        for (int i = 0; i < DECOY_FEMALE.size(); i++) {
            g.add(new GivenName(DECOY_FEMALE.get(i), "F", femaleDecoys[i]));
        }
        List<FamilyName> f = new ArrayList<>();
        for (FamilyName n : family) {
            f.add(new FamilyName(n.name(), n.share() * Math.exp(sigma * random.nextGaussian())));
        }
        double realFamily = f.stream().mapToDouble(FamilyName::share).sum();
        double[] familyDecoys = decoyShares(DECOY_FAMILY.size(), realFamily * decoyMass / (1 - decoyMass), random);
        for (int i = 0; i < DECOY_FAMILY.size(); i++) {
            f.add(new FamilyName(DECOY_FAMILY.get(i), familyDecoys[i]));
        }
        double gTotal = g.stream().mapToDouble(GivenName::share).sum();
        double fTotal = f.stream().mapToDouble(FamilyName::share).sum();
        return new FrequencyTable(
                sortedGiven(g.stream().map(n -> new GivenName(n.name(), n.sex(), n.share() / gTotal)).toList()),
                sortedFamily(f.stream().map(n -> new FamilyName(n.name(), n.share() / fTotal)).toList()));
    }

    /** Decoy shares summing to {@code mass}, as skewed as real names (Zipf over a shuffled order). */
    private static double[] decoyShares(int count, double mass, Random random) {
        double[] shares = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            shares[i] = 1.0 / (1 + random.nextInt(count));
            sum += shares[i];
        }
        for (int i = 0; i < count; i++) {
            shares[i] *= mass / sum;
        }
        return shares;
    }

    private static List<GivenName> sortedGiven(List<GivenName> names) {
        List<GivenName> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingDouble(GivenName::share).reversed().thenComparing(GivenName::name));
        return List.copyOf(sorted);
    }

    private static List<FamilyName> sortedFamily(List<FamilyName> names) {
        List<FamilyName> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingDouble(FamilyName::share).reversed().thenComparing(FamilyName::name));
        return List.copyOf(sorted);
    }

    /** Given names of one sex, most common first. */
    List<GivenName> given(String sex) {
        return given.stream().filter(n -> n.sex().equals(sex)).toList();
    }

    /** The table's share of male records (from its given names). */
    double maleShare() {
        double male = given.stream().filter(n -> n.sex().equals("M")).mapToDouble(GivenName::share).sum();
        return male / given.stream().mapToDouble(GivenName::share).sum();
    }
}
