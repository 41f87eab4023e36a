package org.ishenim.indicators.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The ADX file, read back with the JDK's namespace-aware parser: its namespace, one group per set with orgUnit,
 * period and dataSet, data values with the mapping's data elements and disaggregation attributes, suppressed cells
 * left out; and valid against {@code adx-structure.xsd}, a schema of the message structure written from the profile.
 */
class AdxExportTest {

    final Dhis2Mapping mapping = Dhis2Mapping.whoHivAggregatePackage();
    final AdxExport adx = new AdxExport(mapping, SampleSets.MIN_CELL,
            Clock.fixed(Instant.parse("2027-01-15T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void theFileIsAdxWithOneGroupPerSetAndItsDataValues() throws Exception {
        IndicatorSet month = new IndicatorSet(ReportingPeriod.month(YearMonth.of(2026, 4)), "KG-BISHKEK",
                List.of(SampleSets.value(Indicator.IND_11, Disaggregation.TOTAL, 40, 90L)));

        Document document = parse(adx.write(List.of(SampleSets.kyrgyzstan2026(), month)));

        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:ihe:qrph:adx:2015");
        assertThat(root.getLocalName()).isEqualTo("adx");
        assertThat(root.getAttribute("exported")).isEqualTo("2027-01-15T08:00:00Z");
        NodeList groups = root.getElementsByTagNameNS(AdxExport.NAMESPACE, "group");
        assertThat(groups.getLength()).isEqualTo(2);
        Element year = (Element) groups.item(0);
        assertThat(year.getAttribute("orgUnit")).isEqualTo("KG");
        assertThat(year.getAttribute("period")).isEqualTo("2026-01-01/P1Y");
        assertThat(year.getAttribute("dataSet")).isEqualTo("HIV_AGG_PREV_YEARLY");
        assertThat(((Element) groups.item(1)).getAttribute("period")).isEqualTo("2026-04-01/P1M");

        List<String> values = dataValues(year);
        assertThat(values).contains("HIV_OAMT value=240", "HIV_OAMT_ACCESS value=600",
                "HIV_OAMT AGE=0_24_YEARS SEX=MALE value=45", "HIV_OAMT_ACCESS AGE=25_MORE_YEARS SEX=MALE value=440",
                "HIV_OAMT AGE=0_24_YEARS SEX=OTHER value=0", "HIV_OAMT_TIME value=80412",
                "HIV_OAMT_STARTING AGE=0_24_YEARS SEX=MALE value=19", "HIV_OAMT_MIN_MD value=150");
    }

    @Test
    void suppressedCellsAreLeftOutAndUnmappedDenominatorsToo() throws Exception {
        List<String> values = dataValues(
                (Element) parse(adx.write(List.of(SampleSets.kyrgyzstan2026()))).getElementsByTagNameNS(
                        AdxExport.NAMESPACE, "group").item(0));

        assertThat(values).noneMatch(v -> v.contains("SEX=FEMALE") && v.startsWith("HIV_OAMT "));
        assertThat(values).noneMatch(v -> v.startsWith("HIV_OAMT_RTT AGE=0_24_YEARS SEX=MALE"));
        // every published numerator and mapped denominator, and nothing else: IND.11 5 cells × 2, IND.12 3 numerators,
        // IND.13 2 + 2 + 1 (a suppressed numerator), IND.14 3 numerators (its denominator has no data element)
        assertThat(values).hasSize(10 + 3 + 5 + 3);
        assertThat(values).allMatch(v -> !v.matches(".*value=([1-9]|10)$"));
    }

    @Test
    void theFileIsValidAgainstTheAdxStructureSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/indicators/adx-structure.xsd"));

        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(
                adx.write(List.of(SampleSets.kyrgyzstan2026())))));
    }

    @Test
    void theSchemaRefusesAGroupWithoutItsPeriod() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/indicators/adx-structure.xsd"));
        String broken = "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2027-01-15T08:00:00Z\">"
                + "<group orgUnit=\"KG\" dataSet=\"X\"><dataValue dataElement=\"A\" value=\"1\"/></group></adx>";

        assertThatThrownBy(() -> schema.newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(broken.getBytes()))))
                .isInstanceOf(org.xml.sax.SAXException.class);
    }

    @Test
    void aCountBelowTheSmallestCellIsRefused() {
        assertThatThrownBy(() -> adx.write(List.of(SampleSets.withSmallCell())))
                .isInstanceOf(UnprotectedCellException.class);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** Each dataValue as "dataElement ATTR=v ... value=n", its other attributes sorted by name. */
    private static List<String> dataValues(Element group) {
        List<String> values = new ArrayList<>();
        NodeList nodes = group.getElementsByTagNameNS(AdxExport.NAMESPACE, "dataValue");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element value = (Element) nodes.item(i);
            List<String> attributes = new ArrayList<>();
            for (int a = 0; a < value.getAttributes().getLength(); a++) {
                var attribute = value.getAttributes().item(a);
                if (!attribute.getNodeName().equals("dataElement") && !attribute.getNodeName().equals("value")) {
                    attributes.add(attribute.getNodeName() + "=" + attribute.getNodeValue());
                }
            }
            attributes.sort(null);
            values.add(value.getAttribute("dataElement") + (attributes.isEmpty() ? "" : " " + String.join(" ",
                    attributes)) + " value=" + value.getAttribute("value"));
        }
        return values;
    }
}
