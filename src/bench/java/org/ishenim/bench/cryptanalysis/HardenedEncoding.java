package org.ishenim.bench.cryptanalysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.ishenim.duplicates.ClinicSchemas;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.LinkageSchema;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipped clinic schema (unsalted) with one hardening option added to its {@code clkConfig}: clkhash's
 * {@code xorFolds}, or Ishenim's {@code hardening} extension (keyed diffusion, random bit flipping). The attacker
 * knows the resulting schema, hardening parameters included; only the secret (and so the diffusion taps) is hidden.
 */
final class HardenedEncoding implements Encoding {

    private final String name;
    private final String schemaJson;

    private HardenedEncoding(String name, String schemaJson) {
        this.name = name;
        this.schemaJson = schemaJson;
    }

    /** Every option, by its benchmark name. */
    static List<Encoding> all() {
        return List.of(bitFlip(0.05), bitFlip(0.1), xorFold(), diffusion(3, 1024), diffusion(3, 2048),
                diffusion(5, 2048), diffusion(5, 4096));
    }

    /** BLIP: {@code {"type":"bitFlip","probability":p}}. */
    static HardenedEncoding bitFlip(double probability) {
        return withClk("bitFlip=" + probability, clk -> clk.putArray("hardening").addObject()
                .put("type", "bitFlip").put("probability", probability));
    }

    /**
     * clkhash's {@code xorFolds: 1}. In this engine {@code l} is the folded (output) length and the filter is hashed
     * at {@code l << xorFolds} ({@code Schema.hashLength}), so {@code l} stays 1024: tokens are hashed into 2,048
     * positions and folded to 1,024.
     */
    static HardenedEncoding xorFold() {
        return withClk("xorFold", clk -> clk.put("xorFolds", 1));
    }

    /** Keyed diffusion: {@code {"type":"diffusion","taps":t,"length":L}}. */
    static HardenedEncoding diffusion(int taps, int length) {
        return withClk("diffusion=" + taps + "x" + length, clk -> clk.putArray("hardening").addObject()
                .put("type", "diffusion").put("taps", taps).put("length", length));
    }

    private static HardenedEncoding withClk(String name, java.util.function.Consumer<ObjectNode> change) {
        try {
            JsonMapper mapper = JsonMapper.builder().build();
            ObjectNode root = (ObjectNode) mapper.readTree(ClinicSchemas.schemaText(LinkageSchema.CLINIC));
            change.accept((ObjectNode) root.get("clkConfig"));
            return new HardenedEncoding(name, mapper.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Clk> encode(List<Person> people, byte[] secret) {
        List<Map<String, String>> records = people.stream().map(ClinicEncoding::record).toList();
        return new ClkEncoder(LinkageSchema.parse(schemaJson), secret).encodeAll(records);
    }

    @Override
    public String publicSchema() {
        return schemaJson;
    }
}
