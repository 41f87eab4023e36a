package org.ishenim.bench.cryptanalysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ishenim.linkage.normalise.NameFolding;
import org.ishenim.linkage.schema.Comparison;
import org.ishenim.linkage.schema.Strategy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the attacker reads from the public schema: the filter length, each feature's insertions, whether records
 * are salted, the hardening parameters (XOR folds, flip probability, diffusion taps; never the taps' positions),
 * and the public rules that turn a name into tokens (normalisation, bigrams, bits per token).
 */
record PublicSchema(int bits, int givenBits, int skeletonBits, int surnameBits, boolean recordSalted, int xorFolds,
        double flipProbability, int diffusionTaps) {

    static PublicSchema parse(String json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        JsonNode clk = root.get("clkConfig");
        Map<String, Integer> insertions = new HashMap<>();
        for (JsonNode f : root.get("features")) {
            JsonNode strategy = f.path("hashing").path("strategy");
            insertions.put(f.get("identifier").asString(), strategy.path("bitsPerFeature").asInt(0));
        }
        int bits = clk.get("l").asInt();
        double flip = 0;
        int taps = 0;
        for (JsonNode step : clk.path("hardening")) {
            switch (step.get("type").asString()) {
                case "bitFlip" -> flip = step.get("probability").asDouble();
                case "diffusion" -> {
                    taps = step.get("taps").asInt();
                    bits = step.path("length").asInt(bits);
                }
                default -> throw new IllegalArgumentException("unknown hardening step");
            }
        }
        return new PublicSchema(bits, insertions.getOrDefault("given_name", 0),
                insertions.getOrDefault("given_name_skeleton", 0), insertions.getOrDefault("surname", 0),
                clk.has("recordSalt"), clk.path("xorFolds").asInt(0), flip, taps);
    }

    /** A given name's bigrams, each with the number of positions it sets (the public bits-per-token rule). */
    Map<String, Integer> givenTokens(String name) {
        return tokens(NameFolding.fold(name), givenBits);
    }

    Map<String, Integer> familyTokens(String name) {
        return tokens(NameFolding.foldSurname(name), surnameBits);
    }

    static String skeleton(String name) {
        return NameFolding.skeleton(name);
    }

    /**
     * Double hashing sets a token's first k positions of one fixed sequence, so a bigram inserted k times into one
     * name and k' times into another shares min(k, k') positions: the prefix-stable insertion the attack relies on.
     */
    private static Map<String, Integer> tokens(String folded, int bitsPerFeature) {
        List<String> grams = new Comparison.Ngram(2, false).tokenize(folded);
        int[] ks = new Strategy.BitsPerFeature(bitsPerFeature).bitsPerToken(grams.size());
        Map<String, Integer> result = new HashMap<>();
        for (int i = 0; i < grams.size(); i++) {
            result.merge(grams.get(i), ks[i], Math::max);
        }
        return result;
    }

    /** Positions two names share by their common tokens, predicted without the secret. */
    static int sharedPositions(Map<String, Integer> a, Map<String, Integer> b) {
        int shared = 0;
        for (var e : a.entrySet()) {
            Integer k = b.get(e.getKey());
            if (k != null) {
                shared += Math.min(k, e.getValue());
            }
        }
        return shared;
    }
}
