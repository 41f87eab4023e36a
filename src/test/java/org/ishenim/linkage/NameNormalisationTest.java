package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ishenim.linkage.normalise.NameFolding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalisationTest {

    private static final byte[] SECRET = "ishenim shared vector secret".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({
        "айбек, Aibek", "айбек, Aybek", "гүлнара, Gulnara", "гүлнара, Gülnara", "Жылдыз, Zhyldyz", "Жылдыз, Jyldyz",
        "Мария, Mariya", "Мария, Mariia", "Мария, Maria", "Юсупова, Yusupova", "Юсупова, Iusupova",
        "Хасанов, Khasanov", "Хасанов, Hasanov", "Кузнецова, Kuznetsova", "Кузнецова, Kuznecova",
        "Джамиля, Dzhamilya", "Джамиля, Jamilya", "Щербаков, Shcherbakov", "Щербаков, Sherbakov",
        "Елена, Yelena", "Елена, Elena", "Алиев, Aliyev", "Алиев, Aliev", "Фёдоров, Fyodorov", "Фёдоров, Fedorov",
        "Дмитрий, Dmitriy", "Дмитрий, Dmitry", "Дмитрий, Dmitrii", "Жээнбекова, Zheenbekova", "Чыңгыз, Chinggiz",
        "Өмүрзаков, Omurzakov", "Өмүрзаков, Ömürzakov", "Өмүрзаков, Omyrzakov", "Анна, ANNA", "Сергей, Sergei"})
    void cyrillicAndLatinSpellingsFoldTogether(String cyrillic, String latin) {
        assertThat(NameFolding.fold(latin)).isEqualTo(NameFolding.fold(cyrillic));
    }

    @Test
    void foldsToLowerCaseLatinLettersOnly() {
        assertThat(NameFolding.fold("Асан уулу-Ёлкин’")).matches("[a-z]+");
    }

    @ParameterizedTest
    @CsvSource({"Иванова, Ivanov, ivan", "Алиева, Aliyev, alev", "Токтогулов, Toktogulova, toktogil", "Цой, Tsoy, coi",
        "Абдыкадырова, Abdykadyrov, abdikadir"})
    void surnamesLoseTheirCommonEnding(String cyrillic, String latin, String expected) {
        assertThat(NameFolding.foldSurname(cyrillic)).isEqualTo(expected);
        assertThat(NameFolding.foldSurname(latin)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Марат, Mraat", "Артём, Artme", "Темирлан, Tmeirlan", "Евгений, Evgneiy", "Жаныбек, Zhanbyek"})
    void theSkeletonSurvivesVowelTranspositionsAndDrops(String cyrillic, String typo) {
        assertThat(NameFolding.skeleton(typo)).isEqualTo(NameFolding.skeleton(cyrillic));
    }

    @Test
    void differentNamesHaveDifferentSkeletons() {
        assertThat(NameFolding.skeleton("Нуриза")).isNotEqualTo(NameFolding.skeleton("Zarina"));
        assertThat(NameFolding.skeleton("Айбек")).isNotEqualTo(NameFolding.skeleton("Janibek"));
        assertThat(NameFolding.skeleton("Марат")).isEqualTo("mrt");
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(NameFolding.fold("Айбек")).isNotEqualTo(NameFolding.fold("Айдай"));
        assertThat(NameFolding.fold("Нурлан")).isNotEqualTo(NameFolding.fold("Руслан"));
    }

    /** The demo schema with {@code "normalise": "name"} on both name features: rows 1/2 and 4/5 agree. */
    @Test
    void normalisedDemoSchemaBringsCyrillicAndLatinRowsTogether() {
        String schema = TestData.read(TestData.resource("cyrillic-demo-schema.json"))
                .replace("\"identifier\": \"given_name\",", "\"identifier\": \"given_name\", \"normalise\": \"name\",")
                .replace("\"identifier\": \"surname\",", "\"identifier\": \"surname\", \"normalise\": \"name\",");
        List<Clk> clks = encodeDemo(LinkageSchema.parse(schema));

        assertThat(clks.get(0).dice(clks.get(1))).isGreaterThanOrEqualTo(0.9);
        assertThat(clks.get(3).dice(clks.get(4))).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void rawClkhashKeepsThemApart() {
        List<Clk> clks = encodeDemo(LinkageSchema.parse(TestData.read(TestData.resource("cyrillic-demo-schema.json"))));

        assertThat(clks.get(0).dice(clks.get(1))).isLessThan(0.6);
        assertThat(clks.get(3).dice(clks.get(4))).isLessThan(0.6);
    }

    @Test
    void clinicSchemaBringsDemoPairsTogether() {
        List<Clk> clks = encodeDemo(LinkageSchema.clinic());

        assertThat(clks.get(0).dice(clks.get(1))).isGreaterThanOrEqualTo(0.9);
        assertThat(clks.get(3).dice(clks.get(4))).isGreaterThanOrEqualTo(0.9);
    }

    private static List<Clk> encodeDemo(LinkageSchema schema) {
        return new ClkEncoder(schema, SECRET)
                .encodeCsv(new StringReader(TestData.read(TestData.resource("cyrillic-demo.csv"))));
    }
}
