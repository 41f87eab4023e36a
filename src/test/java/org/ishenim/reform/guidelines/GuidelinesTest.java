package org.ishenim.reform.guidelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ishenim.reform.Country;
import org.ishenim.web.ConflictException;
import org.ishenim.web.InvalidFieldsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.ishenim.testing.BothDatabases;

/** The Guidelines tracker on the real database: starter set, provisions, status history and compliance. */
@SpringBootTest(properties = "ishenim.role=hub")
@ActiveProfiles("test")
@WithMockUser(username = "analyst1", roles = "ANALYST")
@BothDatabases
class GuidelinesTest {

    @Autowired
    Recommendations recommendations;
    @Autowired
    Provisions provisions;
    @Autowired
    ComplianceReport compliance;

    @Test
    void theStarterSetCoversTheSeedsThemes() {
        assertThat(recommendations.recommendations()).extracting(Recommendation::theme)
                .contains("registry", "compulsory_treatment", "oat", "confidentiality", "decriminalisation");
        assertThat(recommendations.recommendations()).extracting(Recommendation::id).contains("REG-1", "CT-1", "OAT-2",
                "OAT-3", "CONF-1", "DEC-1");
    }

    @Test
    void analystsEditAndAddRecommendations() {
        recommendations.saveRecommendation("oat-9", "oat", "Methadone in every district hospital.");
        recommendations.saveRecommendation("OAT-9", "oat", "Methadone and buprenorphine in every district hospital.");
        assertThat(recommendations.recommendation("OAT-9")).get().extracting(Recommendation::text)
                .isEqualTo("Methadone and buprenorphine in every district hospital.");
        recommendations.saveRecommendation("OAT-9", "oat", "Methadone and buprenorphine in every district hospital.",
                "Метадон и бупренорфин в каждой районной больнице.", " ");
        var oat9 = recommendations.recommendation("OAT-9").orElseThrow();
        assertThat(oat9.textIn(java.util.Locale.forLanguageTag("ru")))
                .isEqualTo("Метадон и бупренорфин в каждой районной больнице.");
        assertThat(oat9.textIn(java.util.Locale.forLanguageTag("ky"))).isEqualTo(oat9.text());
        assertThat(recommendations.recommendation("REG-1").orElseThrow().textIn(java.util.Locale.forLanguageTag("ky")))
                .startsWith("Баңгизат колдонгон адамдардын");
        assertThatThrownBy(() -> recommendations.saveRecommendation("bad id!", "oat", "x"))
                .isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> recommendations.saveRecommendation("X-1", "sports", "x"))
                .isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void aCorrectionKeepsWhatItReplacedAndTheStatusHistory() {
        Country kg = new Country("KG");
        Provision p = provisions.add(kg, new ProvisionText("Law on narcotic drugs", "Art. 3O",
                "Persons who use drugs are subject to registraton.", null, "REG-1", Relation.CONTRADICTS),
                ProvisionStatus.NOT_STARTED, null, null);
        provisions.changeStatus(p.id(), ProvisionStatus.DRAFTED, "Draft law No. 2", null);
        assertThatThrownBy(() -> provisions.correct(p.id(), new ProvisionText("Law on narcotic drugs", "Art. 30",
                "text", null, "REG-1", Relation.CONTRADICTS), " ")).isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsKey("reason"));
        assertThatThrownBy(() -> provisions.correct(p.id(), new ProvisionText(" ", "Art. 30", "text", null, "NOPE-1",
                Relation.CONTRADICTS), "typo")).isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsKeys("law", "recommendationId"));

        Provision fixed = provisions.correct(p.id(), new ProvisionText("Law on narcotic drugs", "Art. 30",
                "Persons who use drugs are subject to registration.", "https://example.org/law", "REG-1",
                Relation.CONTRADICTS), "typos in the article number and the quote");

        assertThat(fixed.article()).isEqualTo("Art. 30");
        assertThat(fixed.quotedText()).endsWith("registration.");
        assertThat(fixed.link()).isEqualTo("https://example.org/law");
        assertThat(fixed.status()).isEqualTo(ProvisionStatus.DRAFTED);
        assertThat(provisions.history(p.id())).hasSize(2);
        List<Correction> corrections = provisions.corrections(p.id());
        assertThat(corrections).hasSize(1);
        assertThat(corrections.get(0).article()).isEqualTo("Art. 3O");
        assertThat(corrections.get(0).quotedText()).endsWith("registraton.");
        assertThat(corrections.get(0).correctedBy()).isEqualTo("analyst1");
        assertThat(corrections.get(0).reason()).isEqualTo("typos in the article number and the quote");
    }

    @Test
    void everyStatusChangeKeepsWhoWhenEvidenceAndNote() {
        Country kg = new Country("KG");
        Provision p = provisions.add(kg, new ProvisionText("Law on narcotic drugs", "Art. 30",
                "Persons who use drugs are subject to registration.", "https://example.org/law", "REG-1",
                Relation.CONTRADICTS), ProvisionStatus.NOT_STARTED, null, "found at the June 2023 visit");
        provisions.changeStatus(p.id(), ProvisionStatus.DRAFTED, "Draft law No. 1", "with the commission's help");
        provisions.changeStatus(p.id(), ProvisionStatus.SUBMITTED, "Registered in parliament", null);
        assertThatThrownBy(() -> provisions.changeStatus(p.id(), ProvisionStatus.SUBMITTED, "again", null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> provisions.changeStatus(p.id(), ProvisionStatus.ADOPTED, " ", null))
                .isInstanceOf(InvalidFieldsException.class);
        // recorded as adopted from the start, it needs its evidence as well
        assertThatThrownBy(() -> provisions.add(kg, new ProvisionText("Criminal Code", "Art. 93", "Compulsory treatment.", null,
                "CT-1", Relation.CONTRADICTS), ProvisionStatus.ADOPTED, " ", null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors()).containsKey("evidence"));

        List<StatusChange> history = provisions.history(p.id());
        assertThat(history).extracting(StatusChange::status).containsExactly(ProvisionStatus.NOT_STARTED,
                ProvisionStatus.DRAFTED, ProvisionStatus.SUBMITTED);
        assertThat(history).extracting(StatusChange::changedBy).containsOnly("analyst1");
        assertThat(history.get(1).evidence()).isEqualTo("Draft law No. 1");
        assertThat(history.get(1).note()).isEqualTo("with the commission's help");
        assertThat(history.get(0).note()).isEqualTo("found at the June 2023 visit");
        assertThat(history).allMatch(h -> h.changedAt() != null);
        assertThat(provisions.provision(p.id()).status()).isEqualTo(ProvisionStatus.SUBMITTED);
    }

    @Test
    void complianceFollowsTheProvisions() {
        Country uz = new Country("UZ");
        assertThat(level(uz, "CT-1")).isEqualTo(Compliance.Level.NO_DATA);
        Provision ct = provisions.add(uz, new ProvisionText("Criminal Code", "Art. 99", "Compulsory treatment may be ordered.",
                null, "CT-1", Relation.CONTRADICTS), ProvisionStatus.NOT_STARTED, null, null);
        assertThat(level(uz, "CT-1")).isEqualTo(Compliance.Level.CONTRADICTED);
        provisions.changeStatus(ct.id(), ProvisionStatus.DRAFTED, "draft", null);
        assertThat(level(uz, "CT-1")).isEqualTo(Compliance.Level.IN_PROGRESS);
        provisions.changeStatus(ct.id(), ProvisionStatus.ADOPTED, "Law of 1 July", null);
        assertThat(level(uz, "CT-1")).isEqualTo(Compliance.Level.MET);

        provisions.add(uz, new ProvisionText("Health Code", "Art. 5", "OAT is provided in prisons.", null, "OAT-3",
                Relation.MEETS), ProvisionStatus.IMPLEMENTED, "order of the ministry", null);
        assertThat(level(uz, "OAT-3")).isEqualTo(Compliance.Level.MET);
        assertThatThrownBy(() -> provisions.add(uz, new ProvisionText("", "Art. 5", "text", "javascript:alert(1)", "NOPE",
                Relation.MEETS), null, null, null))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsKeys("law", "link", "recommendationId"));
    }

    Compliance.Level level(Country c, String id) {
        return compliance.of(c).stream().filter(x -> x.recommendation().id().equals(id)).findFirst()
                .orElseThrow().level();
    }
}
