package org.ishenim.linkage.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ishenim.linkage.Clk;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** anonlink's CLK file format: {@code {"clks": ["base64", ...]}}. */
final class ClkFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClkFiles() {
    }

    static List<Clk> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new Options.UsageException(file.getFileName() + " is not valid JSON");
        }
        JsonNode clks = root == null ? null : root.get("clks");
        if (clks == null || !clks.isArray()) {
            throw new Options.UsageException(file.getFileName() + " has no \"clks\" array");
        }
        List<Clk> result = new ArrayList<>();
        int bits = -1;
        for (JsonNode node : clks) {
            int index = result.size();
            if (!node.isString()) {
                throw new Options.UsageException(file.getFileName() + ": entry " + index + " is not a base64 string");
            }
            Clk clk;
            try {
                clk = Clk.fromBase64(node.stringValue());
            } catch (IllegalArgumentException e) {
                throw new Options.UsageException(file.getFileName() + ": entry " + index + " is not a valid encoding");
            }
            if (bits >= 0 && clk.bits() != bits) {
                throw new Options.UsageException(file.getFileName() + ": entry " + index + " has another length");
            }
            bits = clk.bits();
            result.add(clk);
        }
        return result;
    }

    static void write(List<Clk> clks, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"clks\": [");
            for (int i = 0; i < clks.size(); i++) {
                out.write(i == 0 ? "\n  \"" : ",\n  \"");
                out.write(clks.get(i).toBase64());
                out.write('"');
            }
            out.write("\n]}\n");
        }
    }
}
