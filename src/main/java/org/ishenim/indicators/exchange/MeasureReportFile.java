package org.ishenim.indicators.exchange;

/** One exported MeasureReport: a file name (indicator, unit, period) and its FHIR JSON. */
public record MeasureReportFile(Indicator indicator, String fileName, String json) {
}
