package org.ishenim.reform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ishenim.reform.registry.Registry;
import org.ishenim.reform.sentences.SentenceFigures;
import org.ishenim.reform.sentences.SentenceImport;
import org.ishenim.reform.visits.Visits;
import org.ishenim.web.HubOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo hub's reform data for Kyrgyzstan, loaded once: a synthetic year of 111 sentences (about a fifth with no
 * dependence diagnosis, as in the seed), synthetic registry and OAT figures, and the commission's two real visits
 * with the two commitments from the seed. Synthetic rows are flagged and labelled as such in the UI.
 */
@Component
@Profile("demo")
@HubOnly
@ConditionalOnWebApplication
@Order(30)
class DemoReform implements ApplicationRunner {

    static final String SENTENCES = "/reform/demo-sentences.csv";
    static final List<String> REGIONS = List.of("Bishkek", "Osh city", "Chüy", "Osh", "Jalal-Abad", "Batken", "Talas",
            "Naryn", "Issyk-Kul");

    private static final Logger log = LoggerFactory.getLogger(DemoReform.class);

    private final SentenceImport sentences;
    private final SentenceFigures figures;
    private final Registry registry;
    private final Visits visits;

    DemoReform(SentenceImport sentences, SentenceFigures figures, Registry registry, Visits visits) {
        this.sentences = sentences;
        this.figures = figures;
        this.registry = registry;
        this.visits = visits;
    }

    @Override
    public void run(ApplicationArguments args) {
        Country kg = Country.KYRGYZSTAN;
        if (figures.latestYear(kg) != null || !visits.of(kg).isEmpty()) {
            return;
        }
        var report = sentences.importFile(kg, "demo-sentences.csv", demoSentences(), false, true);
        registry.importFile(kg, "demo-registry.csv", demoRegistry(), false, true);
        int[] oat = {1120, 1080, 1150, 1190, 1230};
        for (int i = 0; i < oat.length; i++) {
            registry.setOat(kg, 2019 + i, oat[i], true);
        }
        UUID first = visits.addVisit(kg, "First official visit of the Regional Commission on Drug Policy (ECECACD), "
                + "November 2021 (the source gives only the month)", LocalDate.of(2021, 11, 1),
                LocalDate.of(2021, 11, 30), "ECECACD commissioners (not named in the source)");
        visits.addMeeting(first, "National counterparts (not detailed in the source); priorities identified: "
                + "abolition of the drug registry and of compulsory drug treatment", "national");
        UUID second = visits.addVisit(kg, "Second official visit of the Regional Commission on Drug Policy (ECECACD)",
                LocalDate.of(2023, 6, 19), LocalDate.of(2023, 6, 21),
                "Alexander Kwasniewski, Michel Kazatchkine, Vytenis Andriukaitis, Natalia Nikitenko, "
                        + "Volodymyr Tymoshenko");
        visits.addMeeting(second, "Prime Minister of the Kyrgyz Republic", "head of government");
        visits.addMeeting(second, "Jogorku Kenesh: deputies of the key committees", "parliament");
        visits.addMeeting(second, "Ministries responsible for drug policy", "ministerial");
        visits.addCommitment(second, "Expertise and technical assistance to amend the law to abolish the drug registry",
                "ECECACD with the Government of the Kyrgyz Republic", null);
        visits.addCommitment(second, "Expertise and technical assistance to amend the law to abolish compulsory "
                + "drug treatment", "ECECACD with the Government of the Kyrgyz Republic", null);
        log.info("Demo reform data for Kyrgyzstan: {} synthetic sentences, registry figures, 2 visits", report.added());
    }

    static byte[] demoSentences() {
        try (InputStream in = DemoReform.class.getResourceAsStream(SENTENCES)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Synthetic registry figures, 2019-2023: a slowly falling registry, with regional shares that stay put. */
    static byte[] demoRegistry() {
        int[] weight = {30, 12, 18, 11, 10, 5, 4, 3, 7};
        int[] national = {9400, 9150, 8900, 8700, 8550};
        var csv = new StringBuilder(String.join(",", Registry.COLUMNS)).append('\n');
        for (int y = 0; y < national.length; y++) {
            for (int r = 0; r < REGIONS.size(); r++) {
                int on = national[y] * weight[r] / 100;
                int added = on * (6 + (r + y) % 3) / 100;
                int removed = on * (8 + (r + 2 * y) % 3) / 100;
                csv.append(2019 + y).append(',').append(REGIONS.get(r)).append(',').append(on).append(',')
                        .append(added).append(',').append(removed).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
