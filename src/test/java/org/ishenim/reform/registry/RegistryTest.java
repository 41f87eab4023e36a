package org.ishenim.reform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.ishenim.reform.Country;
import org.ishenim.reform.RowError;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Registry figures: validated import, corrections replace, totals by year next to OAT. */
@SpringBootTest(properties = "ishenim.role=hub")
@ActiveProfiles("test")
class RegistryTest {

    @Autowired
    Registry registry;

    static byte[] csv(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void importsReplacesAndTotalsByYearAgainstOat() {
        Country kz = new Country("KZ");
        var first = registry.importFile(kz, "r.csv", csv("""
                year,region,on_registry,new_registrations,removals
                2022,Almaty,5000,400,300
                2022,Astana,2000,150,100
                2023,Almaty,4800,350,550
                """), false, false);
        assertThat(first.imported()).isTrue();
        assertThat(first.stored()).isEqualTo(3);
        // a corrected figure replaces the old one
        registry.importFile(kz, "fix.csv", csv("year,region,on_registry,new_registrations,removals\n2023,Almaty,4700,350,650\n"),
                false, false);
        registry.setOat(kz, 2023, 900, false);

        assertThat(registry.trend(kz)).containsExactly(new Registry.YearTotal(2022, 7000, 550, 400, null),
                new Registry.YearTotal(2023, 4700, 350, 650, 900));
        assertThat(registry.figures(kz)).hasSize(3);
    }

    @Test
    void badRowsAreReportedAndStopTheImport() {
        Country am = new Country("AM");
        byte[] bad = csv("""
                year,region,on_registry,new_registrations,removals
                1980,Yerevan,10,1,1
                2023,@SUM(A1),10,1,1
                2023,Shirak,-5,x,1
                2023,Lori,10,1,1
                """);
        var report = registry.importFile(am, "bad.csv", bad, false, false);
        assertThat(report.imported()).isFalse();
        assertThat(report.errors()).containsExactly(new RowError(2, "year", "year_range"),
                new RowError(3, "region", "formula"), new RowError(4, "on_registry", "negative"),
                new RowError(4, "new_registrations", "not_a_number"));
        assertThat(registry.trend(am)).isEmpty();

        var partial = registry.importFile(am, "bad.csv", bad, true, false);
        assertThat(partial.stored()).isEqualTo(1);
        assertThat(registry.trend(am)).extracting(Registry.YearTotal::onRegistry).containsExactly(10);

        var missing = registry.importFile(am, "m.csv", csv("year,region,on_registry\n2023,Lori,1\n"), true, false);
        assertThat(missing.imported()).isFalse();
        assertThat(missing.errors()).extracting(RowError::column).containsExactly("new_registrations", "removals");
    }
}
