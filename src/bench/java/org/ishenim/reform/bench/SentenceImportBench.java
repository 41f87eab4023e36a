package org.ishenim.reform.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ishenim.IshenimApplication;
import org.ishenim.reform.Country;
import org.ishenim.reform.sentences.SentenceFigures;
import org.ishenim.reform.sentences.SentenceImport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The sentence-import benchmark (a program, not a test): how long a national year of sentences takes to check,
 * hash and store, to re-import (all duplicates), and to analyse, on the embedded H2. Run with
 * {@code bench/reform.sh [rows]} (default 20,000 rows; a country has a few hundred a year).
 */
public final class SentenceImportBench {

    private SentenceImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String[] regions = {"Bishkek", "Osh city", "Chüy", "Osh", "Jalal-Abad", "Batken", "Talas", "Naryn", "Issyk-Kul"};
        String[] findings = {"dependence_diagnosed", "dependence_diagnosed", "dependence_diagnosed", "not_diagnosed",
            "not_examined"};
        var random = new SplittableRandom(7);
        var csv = new StringBuilder("case_reference,court,region,sentence_date,article,measure,expert_finding,"
                + "treatment_months,outcome\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(Locale.ROOT, "B-%07d,Court %d,%s,2023-%02d-%02d,Art. 28%d,compulsory_treatment,%s,%d,%n",
                    i, random.nextInt(40), regions[random.nextInt(regions.length)], 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(8), findings[random.nextInt(findings.length)],
                    6 * (1 + random.nextInt(4))));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        var dir = Files.createTempDirectory("reform-bench");
        try (var context = new SpringApplicationBuilder(IshenimApplication.class).web(WebApplicationType.SERVLET)
                .run("--ishenim.role=hub", "--server.port=0", "--ishenim.data-dir=" + dir, "--ishenim.master-key.generate=true",
                        "--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--logging.level.root=WARN")) {
            var importer = context.getBean(SentenceImport.class);
            var figures = context.getBean(SentenceFigures.class);
            Country kg = Country.KYRGYZSTAN;
            long t0 = System.nanoTime();
            var first = importer.importFile(kg, "bench.csv", file, true);
            long t1 = System.nanoTime();
            var again = importer.importFile(kg, "bench.csv", file, true);
            long t2 = System.nanoTime();
            var analysis = figures.analyse(kg, 2023);
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "rows %d (%d KB)%n", rows, file.length / 1024);
            System.out.printf(Locale.ROOT, "first import: %d added in %.0f ms (%.0f rows/s)%n", first.added(),
                    (t1 - t0) / 1e6, rows / ((t1 - t0) / 1e9));
            System.out.printf(Locale.ROOT, "re-import:    %d already present in %.0f ms%n", again.alreadyPresent(),
                    (t2 - t1) / 1e6);
            System.out.printf(Locale.ROOT, "analysis:     %d regions, share not diagnosed %.3f in %.0f ms%n",
                    analysis.byRegion().size(), analysis.total().shareNotDiagnosed(), (t3 - t2) / 1e6);
        }
    }
}
