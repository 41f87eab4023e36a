package org.ishenim.indicators.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An IHE ADX file ({@code urn:ihe:qrph:adx:2015}): one {@code group} per indicator set (its orgUnit, period and the
 * mapping's dataSet), one {@code dataValue} per published numerator or denominator whose data element is mapped,
 * with the dataElement and the disaggregation as attributes. A suppressed cell is left out: ADX has no mark for it,
 * and a value that is not there cannot be read.
 */
public final class AdxExport {

    public static final String NAMESPACE = "urn:ihe:qrph:adx:2015";

    private final Dhis2Mapping mapping;
    private final int minCell;
    private final Clock clock;

    public AdxExport(Dhis2Mapping mapping, int minCell, Clock clock) {
        this.mapping = mapping;
        this.minCell = minCell;
        this.clock = clock;
    }

    /** The ADX document, UTF-8. */
    public byte[] write(List<IndicatorSet> sets) {
        sets.forEach(set -> DisclosureCheck.requireProtected(set, minCell));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("adx");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("exported", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            for (IndicatorSet set : sets) {
                xml.writeStartElement("group");
                xml.writeAttribute("orgUnit", set.orgUnit());
                xml.writeAttribute("period", set.period().adxPeriod());
                xml.writeAttribute("dataSet", mapping.dataSet());
                for (IndicatorValue value : set.values()) {
                    dataValue(xml, value, false, value.numerator());
                    if (value.denominator() != null) {
                        dataValue(xml, value, true, value.denominator());
                    }
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The ADX file could not be written.", e);
        }
        return out.toByteArray();
    }

    private void dataValue(XMLStreamWriter xml, IndicatorValue value, boolean denominator, Cell cell)
            throws XMLStreamException {
        Optional<String> element = mapping.dataElement(value.indicator(), denominator);
        if (cell.suppressed() || element.isEmpty()) {
            return;
        }
        xml.writeEmptyElement("dataValue");
        xml.writeAttribute("dataElement", element.get());
        Disaggregation cellOf = value.disaggregation();
        if (!cellOf.isTotal()) {
            xml.writeAttribute(mapping.sexAttribute(), mapping.sexCodes().get(cellOf.sex()));
            xml.writeAttribute(mapping.ageAttribute(), mapping.ageCodes().get(cellOf.age()));
        }
        xml.writeAttribute("value", Long.toString(cell.count().getAsLong()));
    }

    /** The file's name for a download: {@code indicators-<orgUnit>-<period>.adx.xml}. */
    public static String fileName(IndicatorSet set) {
        return "indicators-" + set.orgUnit() + "-" + set.period().dhis2Id() + ".adx.xml";
    }
}
