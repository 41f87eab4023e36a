package org.ishenim.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import org.ishenim.clients.SyntheticIdentities;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.ConfiguredEncoding;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.linkage.LinkageSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The hub's CLK check against what it must tell apart: real encodings of the shipped clinic schema (none refused)
 * and text in Russian, Kyrgyz and English in every common encoding (all refused).
 */
class ClkShapeTest {

    static final byte[] SECRET = "clk-shape-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    final EncodingPayloads payloads = new EncodingPayloads(1024, new ClkShape(0.05, 0.48));

    static final List<String> TEXTS = List.of(
            "Айнура Сыдыкова 1990-02-03 +996 555 123 456",
            "Жаңыл Өмүралиева, 1979-11-02, Бишкек, Үсөнов көчөсү 12",
            "Өмүрбек Үсөнов туулган жылы 1985, телефону +996 700 12 34 56",
            "Токтогулов Айбек Нурланович 14.03.1985 муж. паспорт ID1234567",
            "айнурасыдыковаайнурасыдыкова",
            "Aibek Toktogulov 1985-03-14 M +996 700 123 456",
            "Aynura Sydykova, born 3 February 1990, HIV positive",
            "aibektoktogulovaibektoktogulov",
            "Иванов Сергей Петрович, 1979 г.р., тел. 8 (777) 123-45-67 — «Север»");

    static final List<Charset> CHARSETS = java.util.stream.Stream.of("UTF-8", "UTF-16LE", "UTF-16BE", "UTF-16",
            "windows-1251", "KOI8-R", "KOI8-U", "IBM866", "ISO-8859-5", "x-MacCyrillic", "ISO-8859-1", "windows-1252",
            "US-ASCII").filter(Charset::isSupported).map(Charset::forName).toList();

    @Test
    void everyRealEncodingOfTheClinicSchemaIsAcceptedAndItsFillIsWellInsideTheBounds() throws IOException {
        IntSummaryStatistics fill = new IntSummaryStatistics();
        double worstChiSquare = 0;
        for (ClkEncoder encoder : List.of(encoder(false), encoder(true))) {
            List<SyntheticIdentities.Person> people = SyntheticIdentities.withIdentity(11, 6000);
            for (int i = 0; i < people.size(); i++) {
                byte[] bytes = encoder.encode(record(people.get(i), i % 6)).toBytes();
                payloads.clk(StringNode.valueOf(Base64.getEncoder().encodeToString(bytes)), "clk");
                fill.accept(ClkShapeTest.popcount(bytes));
                worstChiSquare = Math.max(worstChiSquare, ClkShape.chiSquare(bytes));
            }
        }
        // The measured spread that the default bounds (51 to 491 bits set) and the chi-square bound rest on. A missing
        // field adds no bits (as in clkhash): a given name and sex alone set about 110 bits.
        assertThat(fill.getMin()).isGreaterThan(90);
        assertThat(fill.getMax()).isLessThan(420);
        assertThat(worstChiSquare).isLessThan(ClkShape.MAX_CHI_SQUARE / 1.5);
    }

    /**
     * Each configuration's real encodings (full and sparse identities) pass the shape its configuration gives the
     * hub; diffusion's output is about half filled and as evenly spread as a Bloom filter.
     */
    @ParameterizedTest
    @EnumSource(EncodingConfiguration.class)
    void everyConfigurationsRealEncodingsPassItsOwnShape(EncodingConfiguration configuration) {
        ConfiguredEncoding configured = ConfiguredEncoding.of(LinkageSchema.CLINIC, configuration);
        EncodingPayloads own = new EncodingPayloads(configured.bits(), new ClkShape(configuration.shape().minFill(),
                configuration.shape().maxFill()));
        ClkEncoder encoder = new ClkEncoder(configured.schema(), SECRET);
        double minFill = 1;
        double maxFill = 0;
        double worstChiSquare = 0;
        List<SyntheticIdentities.Person> people = SyntheticIdentities.withIdentity(13, 3000);
        for (int i = 0; i < people.size(); i++) {
            byte[] bytes = encoder.encode(record(people.get(i), i % 6)).toBytes();
            own.clk(StringNode.valueOf(Base64.getEncoder().encodeToString(bytes)), "clk");
            double fill = popcount(bytes) / (bytes.length * 8.0);
            minFill = Math.min(minFill, fill);
            maxFill = Math.max(maxFill, fill);
            worstChiSquare = Math.max(worstChiSquare, ClkShape.chiSquare(bytes));
        }
        // a margin on both sides of what was measured
        assertThat(minFill).isGreaterThan(configuration.shape().minFill() + 0.03);
        assertThat(maxFill).isLessThan(configuration.shape().maxFill() - 0.03);
        assertThat(worstChiSquare).isLessThan(ClkShape.MAX_CHI_SQUARE / 1.5);
        if (configuration.shape() == EncodingConfiguration.Shape.DIFFUSED) {
            assertThat(maxFill).isGreaterThan(0.45);
        }
    }

    /** With the default configuration's length and shape, text is still refused in every encoding and layout. */
    @Test
    void textIsRefusedAtTheDefaultConfigurationsLengthAndShapeToo() {
        ConfiguredEncoding configured = ConfiguredEncoding.of(LinkageSchema.CLINIC, EncodingConfiguration.DEFAULT);
        var shape = EncodingConfiguration.DEFAULT.shape();
        EncodingPayloads own = new EncodingPayloads(configured.bits(), new ClkShape(shape.minFill(), shape.maxFill()));
        int tried = 0;
        for (String text : TEXTS) {
            for (Charset charset : CHARSETS) {
                byte[] raw = text.getBytes(charset);
                if (!new String(raw, charset).equals(text)) {
                    continue;
                }
                for (byte[] payload : layouts(raw, configured.bits() / 8)) {
                    tried++;
                    String base64 = Base64.getEncoder().encodeToString(payload);
                    assertThatThrownBy(() -> own.clk(StringNode.valueOf(base64), "clk"))
                            .as("%s text: %s", charset, text).isInstanceOf(NotAnEncodingException.class);
                }
            }
        }
        assertThat(tried).isGreaterThan(150);
        byte[] sparse = new byte[configured.bits() / 8];
        sparse[3] = 1;
        assertThatThrownBy(() -> own.clk(StringNode.valueOf(Base64.getEncoder().encodeToString(sparse)), "clk"))
                .hasMessageContaining("between 15% and 60% of its bits set");
        byte[] full = new byte[configured.bits() / 8];
        Arrays.fill(full, (byte) 0xff);
        assertThatThrownBy(() -> own.clk(StringNode.valueOf(Base64.getEncoder().encodeToString(full)), "clk"))
                .isInstanceOf(NotAnEncodingException.class);
    }

    @Test
    void textInRussianKyrgyzAndEnglishIsRefusedInEveryCommonEncodingAndLayout() {
        int tried = 0;
        for (String text : TEXTS) {
            for (Charset charset : CHARSETS) {
                byte[] raw = text.getBytes(charset);
                if (!new String(raw, charset).equals(text)) {
                    continue;
                }
                for (byte[] payload : layouts(raw)) {
                    tried++;
                    String base64 = Base64.getEncoder().encodeToString(payload);
                    try {
                        payloads.clk(StringNode.valueOf(base64), "clk");
                        fail("accepted " + charset + " text: " + text);
                    } catch (NotAnEncodingException refused) {
                        assertThat(refused.code()).isIn("plaintext-refused", "not-an-encoding");
                        assertThat(refused.getMessage()).doesNotContain(text.substring(0, 5)).doesNotContain(base64);
                    }
                }
            }
        }
        assertThat(tried).isGreaterThan(150);
    }

    @Test
    void theRefusalSaysWhatIsWrongWithoutEchoingTheValue() {
        byte[] cyrillic = Arrays.copyOf("Айнура Сыдыкова 1990-02-03 +996 555 123 456 Айнура Сыдыкова 1990"
                .getBytes(StandardCharsets.UTF_8), 128);
        assertThatThrownBy(() -> payloads.clk(StringNode.valueOf(Base64.getEncoder().encodeToString(cyrillic)), "clk"))
                .isInstanceOf(NotAnEncodingException.class).hasMessageContaining("only encodings")
                .hasMessageNotContaining("Айнура");
        byte[] sparse = new byte[128];
        sparse[3] = 1;
        sparse[90] = 8;
        assertThatThrownBy(() -> payloads.clk(StringNode.valueOf(Base64.getEncoder().encodeToString(sparse)), "clk"))
                .hasMessageContaining("between 5% and 48% of its bits set");
    }

    /** The text repeated to fill the filter, padded with spaces, padded with NULs, and cut to the filter's length. */
    static List<byte[]> layouts(byte[] raw) {
        return layouts(raw, 128);
    }

    static List<byte[]> layouts(byte[] raw, int length) {
        byte[] repeated = new byte[length];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = raw[i % raw.length];
        }
        byte[] spaces = Arrays.copyOf(raw, length);
        Arrays.fill(spaces, Math.min(raw.length, length), length, (byte) ' ');
        byte[] nuls = Arrays.copyOf(raw, length);
        return List.of(repeated, spaces, nuls);
    }

    static Map<String, String> record(SyntheticIdentities.Person person, int missing) {
        Map<String, String> record = new HashMap<>();
        record.put("given_name", missing == 1 || person.givenName() == null ? "" : person.givenName());
        record.put("surname", missing == 2 || missing == 5 || person.surname() == null ? "" : person.surname());
        record.put("date_of_birth", missing == 3 || missing == 5 || person.dateOfBirth() == null ? ""
                : person.dateOfBirth().toString());
        record.put("sex", person.sex());
        record.put("birth_year", String.valueOf(person.birthYear()));
        return record;
    }

    static ClkEncoder encoder(boolean birthYearSalt) throws IOException {
        String json;
        try (var in = ClkShapeTest.class.getResourceAsStream("/linkage/clinic-schema.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (birthYearSalt) {
            var mapper = JsonMapper.builder().build();
            var root = (ObjectNode) mapper.readTree(json);
            ((ObjectNode) root.get("clkConfig")).putObject("recordSalt").put("column", "birth_year").put("normalise", "none");
            json = mapper.writeValueAsString(root);
        }
        return new ClkEncoder(LinkageSchema.parse(json), SECRET);
    }

    static int popcount(byte[] bytes) {
        int set = 0;
        for (byte b : bytes) {
            set += Integer.bitCount(b & 0xff);
        }
        return set;
    }
}
