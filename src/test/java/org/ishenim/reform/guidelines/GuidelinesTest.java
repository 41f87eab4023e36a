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
    Guidelines guidelines;

    @Test
    void theStarterSetCoversTheSeedsThemes() {
        assertThat(guidelines.recommendations()).extracting(Recommendation::theme)
                .contains("registry", "compulsory_treatment", "oat", "confidentiality", "decriminalisation");
        assertThat(guidelines.recommendations()).extracting(Recommendation::id).contains("REG-1", "CT-1", "OAT-2",
                "OAT-3", "CONF-1", "DEC-1");
    }

    @Test
    void analystsEditAndAddRecommendations() {
        guidelines.saveRecommendation("oat-9", "oat", "Methadone in every district hospital.");
        guidelines.saveRecommendation("OAT-9", "oat", "Methadone and buprenorphine in every district hospital.");
        assertThat(guidelines.recommendation("OAT-9")).get().extracting(Recommendation::text)
                .isEqualTo("Methadone and buprenorphine in every district hospital.");
        guidelines.saveRecommendation("OAT-9", "oat", "Methadone and buprenorphine in every district hospital.",
                "Метадон и бупренорфин в каждой районной больнице.", " ");
        var oat9 = guidelines.recommendation("OAT-9").orElseThrow();
        assertThat(oat9.textIn(java.util.Locale.forLanguageTag("ru")))
                .isEqualTo("Метадон и бупренорфин в каждой районной больнице.");
        assertThat(oat9.textIn(java.util.Locale.forLanguageTag("ky"))).isEqualTo(oat9.text());
        assertThat(guidelines.recommendation("REG-1").orElseThrow().textIn(java.util.Locale.forLanguageTag("ky")))
                .startsWith("Баңгизат колдонгон адамдардын");
        assertThatThrownBy(() -> guidelines.saveRecommendation("bad id!", "oat", "x"))
                .isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> guidelines.saveRecommendation("X-1", "sports", "x"))
                .isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void aCorrectionKeepsWhatItReplacedAndTheStatusHistory() {
        Country kg = new Country("KG");
        Provision p = guidelines.addProvision(kg, "Law on narcotic drugs", "Art. 3O",
                "Persons who use drugs are subject to registraton.", null, "REG-1", Relation.CONTRADICTS,
                ProvisionStatus.NOT_STARTED, null, null);
        guidelines.changeStatus(p.id(), ProvisionStatus.DRAFTED, "Draft law No. 2", null);
        assertThatThrownBy(() -> guidelines.correctProvision(p.id(), "Law on narcotic drugs", "Art. 30",
                "text", null, "REG-1", Relation.CONTRADICTS, " ")).isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsKey("reason"));
        assertThatThrownBy(() -> guidelines.correctProvision(p.id(), " ", "Art. 30", "text", null, "NOPE-1",
                Relation.CONTRADICTS, "typo")).isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsKeys("law", "recommendationId"));

        Provision fixed = guidelines.correctProvision(p.id(), "Law on narcotic drugs", "Art. 30",
                "Persons who use drugs are subject to registration.", "https://example.org/law", "REG-1",
                Relation.CONTRADICTS, "typos in the article number and the quote");

        assertThat(fixed.article()).isEqualTo("Art. 30");
        assertThat(fixed.quotedText()).endsWith("registration.");
        assertThat(fixed.link()).isEqualTo("https://example.org/law");
        assertThat(fixed.status()).isEqualTo(ProvisionStatus.DRAFTED);
        assertThat(guidelines.history(p.id())).hasSize(2);
        List<Correction> corrections = guidelines.corrections(p.id());
        assertThat(corrections).hasSize(1);
        assertThat(corrections.get(0).article()).isEqualTo("Art. 3O");
        assertThat(corrections.get(0).quotedText()).endsWith("registraton.");
        assertThat(corrections.get(0).correctedBy()).isEqualTo("analyst1");
        assertThat(corrections.get(0).reason()).isEqualTo("typos in the article number and the quote");
    }

    @Test
    void everyStatusChangeKeepsWhoWhenEvidenceAndNote() {
        Country kg = new Country("KG");
        Provision p = guidelines.addProvision(kg, "Law on narcotic drugs", "Art. 30",
                "Persons who use drugs are subject to registration.", "https://example.org/law", "REG-1",
                Relation.CONTRADICTS, ProvisionStatus.NOT_STARTED, null, "found at the June 2023 visit");
        guidelines.changeStatus(p.id(), ProvisionStatus.DRAFTED, "Draft law No. 1", "with the commission's help");
        guidelines.changeStatus(p.id(), ProvisionStatus.SUBMITTED, "Registered in parliament", null);
        assertThatThrownBy(() -> guidelines.changeStatus(p.id(), ProvisionStatus.SUBMITTED, "again", null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> guidelines.changeStatus(p.id(), ProvisionStatus.ADOPTED, " ", null))
                .isInstanceOf(InvalidFieldsException.class);
        // recorded as adopted from the start, it needs its evidence as well
        assertThatThrownBy(() -> guidelines.addProvision(kg, "Criminal Code", "Art. 93", "Compulsory treatment.", null,
                "CT-1", Relation.CONTRADICTS, ProvisionStatus.ADOPTED, " ", null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors()).containsKey("evidence"));

        List<StatusChange> history = guidelines.history(p.id());
        assertThat(history).extracting(StatusChange::status).containsExactly(ProvisionStatus.NOT_STARTED,
                ProvisionStatus.DRAFTED, ProvisionStatus.SUBMITTED);
        assertThat(history).extracting(StatusChange::changedBy).containsOnly("analyst1");
        assertThat(history.get(1).evidence()).isEqualTo("Draft law No. 1");
        assertThat(history.get(1).note()).isEqualTo("with the commission's help");
        assertThat(history.get(0).note()).isEqualTo("found at the June 2023 visit");
        assertThat(history).allMatch(h -> h.changedAt() != null);
        assertThat(guidelines.provision(p.id()).status()).isEqualTo(ProvisionStatus.SUBMITTED);
    }

    @Test
    void complianceFollowsTheProvisions() {
        Country uz = new Country("UZ");
        assertThat(level(uz, "CT-1")).isEqualTo(Compliance.Level.NO_DATA);
        Provision ct = guidelines.addProvision(uz, "Criminal Code", "Art. 99", "Compulsory treatment may be ordered.",
                null, "CT-1", Relation.CONTRADICTS, ProvisionStatus.NOT_STARTED, null, null);
        assertThat(level(uz, "CT-1")).isEqualTo(Compliance.Level.CONTRADICTED);
        guidelines.changeStatus(ct.id(), ProvisionStatus.DRAFTED, "draft", null);
        assertThat(level(uz, "CT-1")).isEqualTo(Compliance.Level.IN_PROGRESS);
        guidelines.changeStatus(ct.id(), ProvisionStatus.ADOPTED, "Law of 1 July", null);
        assertThat(level(uz, "CT-1")).isEqualTo(Compliance.Level.MET);

        guidelines.addProvision(uz, "Health Code", "Art. 5", "OAT is provided in prisons.", null, "OAT-3",
                Relation.MEETS, ProvisionStatus.IMPLEMENTED, "order of the ministry", null);
        assertThat(level(uz, "OAT-3")).isEqualTo(Compliance.Level.MET);
        assertThatThrownBy(() -> guidelines.addProvision(uz, "", "Art. 5", "text", "javascript:alert(1)", "NOPE",
                Relation.MEETS, null, null, null))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsKeys("law", "link", "recommendationId"));
    }

    Compliance.Level level(Country c, String id) {
        return guidelines.compliance(c).stream().filter(x -> x.recommendation().id().equals(id)).findFirst()
                .orElseThrow().level();
    }
}
