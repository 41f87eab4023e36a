package org.ishenim.bench.cryptanalysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ishenim.linkage.normalise.NameFolding;

/**
 * The evaluator's side (it knows the truth; no attack sees this class): the share of records whose given name,
 * family name, or both an attack re-identified. A guess counts when it normalises as the truth does (the family
 * name by the public surname normalisation, so Асанов for Асанова counts).
 */
record Score(double given, double family, double both) {

    static Score of(List<Person> people, Attack.Guesses guesses) {
        int g = 0;
        int f = 0;
        int b = 0;
        for (int i = 0; i < people.size(); i++) {
            boolean gi = sameGiven(guesses.given()[i], people.get(i).givenName());
            boolean fi = sameFamily(guesses.family()[i], people.get(i).surname());
            g += gi ? 1 : 0;
            f += fi ? 1 : 0;
            b += gi && fi ? 1 : 0;
        }
        double n = people.size();
        return new Score(g / n, f / n, b / n);
    }

    static boolean sameGiven(String guess, String truth) {
        return guess != null && NameFolding.fold(guess).equals(NameFolding.fold(truth));
    }

    static boolean sameFamily(String guess, String truth) {
        return guess != null && NameFolding.foldSurname(guess).equals(NameFolding.foldSurname(truth));
    }

    /** Guessing the most common given name overall (perSex false) or of the record's sex, and the most common family name. */
    static Score baseline(List<Person> people, boolean perSex) {
        Map<String, Integer> given = new HashMap<>();
        Map<String, Integer> family = new HashMap<>();
        for (Person p : people) {
            given.merge((perSex ? p.sex() : "") + ":" + NameFolding.fold(p.givenName()), 1, Integer::sum);
            family.merge(NameFolding.foldSurname(p.surname()), 1, Integer::sum);
        }
        Map<String, String> topGiven = new HashMap<>();
        Map<String, Integer> topCount = new HashMap<>();
        given.forEach((key, count) -> {
            String sex = key.substring(0, key.indexOf(':'));
            if (count > topCount.getOrDefault(sex, 0)) {
                topCount.put(sex, count);
                topGiven.put(sex, key.substring(key.indexOf(':') + 1));
            }
        });
        String topFamily = family.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int g = 0;
        int f = 0;
        int b = 0;
        for (Person p : people) {
            boolean gi = topGiven.get(perSex ? p.sex() : "").equals(NameFolding.fold(p.givenName()));
            boolean fi = topFamily.equals(NameFolding.foldSurname(p.surname()));
            g += gi ? 1 : 0;
            f += fi ? 1 : 0;
            b += gi && fi ? 1 : 0;
        }
        double n = people.size();
        return new Score(g / n, f / n, b / n);
    }
}
