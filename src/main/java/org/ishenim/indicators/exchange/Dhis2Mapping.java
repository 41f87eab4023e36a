package org.ishenim.indicators.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.ishenim.indicators.exchange.Disaggregation.AgeBand;
import org.ishenim.indicators.exchange.Disaggregation.Sex;

/**
 * Which codes the indicators go to in DHIS2 and ADX: the data set, a data element per indicator's numerator and
 * (optionally) denominator, a category option combo per sex × age cell (and optionally the total), and ADX's
 * disaggregation attributes. Loaded from a properties file ({@code ishenim.indicators.dhis2.mapping}; the default is
 * WHO's HIV aggregate package, {@code indicators/dhis2-who-hiv-agg.properties}) that a country can replace.
 */
public record Dhis2Mapping(String dataSet, Map<Indicator, String> numerators, Map<Indicator, String> denominators,
        Map<Disaggregation, String> optionCombos, String sexAttribute, Map<Sex, String> sexCodes,
        String ageAttribute, Map<AgeBand, String> ageCodes) {

    /** The default mapping, WHO's DHIS2 HIV aggregate package (dataset {@code HIV_AGG_PREV_YEARLY}). */
    public static final String DEFAULT = "indicators/dhis2-who-hiv-agg.properties";

    public Dhis2Mapping {
        required("data-set", dataSet);
        numerators = Map.copyOf(numerators);
        denominators = Map.copyOf(denominators);
        optionCombos = Map.copyOf(optionCombos);
        sexCodes = Map.copyOf(sexCodes);
        ageCodes = Map.copyOf(ageCodes);
        for (Indicator indicator : Indicator.values()) {
            if (!numerators.containsKey(indicator)) {
                throw new IllegalArgumentException("The DHIS2 mapping has no data element for " + indicator + ".");
            }
        }
        for (Disaggregation cell : Disaggregation.cells()) {
            if (!optionCombos.containsKey(cell)) {
                throw new IllegalArgumentException("The DHIS2 mapping has no option combo for " + cell.label() + ".");
            }
        }
    }

    /** Reads a mapping file (UTF-8 properties); every key is required, a denominator and the total may be empty. */
    public static Dhis2Mapping read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<Indicator, String> numerators = new EnumMap<>(Indicator.class);
        Map<Indicator, String> denominators = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            numerators.put(indicator, required(p, "data-element." + indicator + ".numerator"));
            String denominator = p.getProperty("data-element." + indicator + ".denominator", "").strip();
            if (!denominator.isEmpty()) {
                denominators.put(indicator, denominator);
            }
        }
        Map<Disaggregation, String> combos = new LinkedHashMap<>();
        for (Disaggregation cell : Disaggregation.cells()) {
            combos.put(cell, required(p, "category-option-combo." + cell.sex() + "." + cell.age()));
        }
        String total = p.getProperty("category-option-combo.total", "").strip();
        if (!total.isEmpty()) {
            combos.put(Disaggregation.TOTAL, total);
        }
        Map<Sex, String> sexCodes = new EnumMap<>(Sex.class);
        for (Sex sex : Sex.values()) {
            sexCodes.put(sex, required(p, "adx.sex." + sex));
        }
        Map<AgeBand, String> ageCodes = new EnumMap<>(AgeBand.class);
        for (AgeBand age : AgeBand.values()) {
            ageCodes.put(age, required(p, "adx.age." + age));
        }
        return new Dhis2Mapping(required(p, "data-set"), numerators, denominators, combos,
                required(p, "adx.sex.attribute"), sexCodes, required(p, "adx.age.attribute"), ageCodes);
    }

    /** The default mapping from the classpath. */
    public static Dhis2Mapping whoHivAggregatePackage() {
        try (InputStream in = Dhis2Mapping.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("The default DHIS2 mapping is missing from the classpath.");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("The default DHIS2 mapping cannot be read.", e);
        }
    }

    /** The data element of a value's numerator ({@code denominator == false}) or denominator, if mapped. */
    public Optional<String> dataElement(Indicator indicator, boolean denominator) {
        return Optional.ofNullable(denominator ? denominators.get(indicator) : numerators.get(indicator));
    }

    /** The option combo of a cell; the total has one only if the mapping names it. */
    public Optional<String> optionCombo(Disaggregation cell) {
        return Optional.ofNullable(optionCombos.get(cell));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The DHIS2 mapping needs " + key + ".");
        }
        return value;
    }

    private static void required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The DHIS2 mapping needs " + key + ".");
        }
    }
}
