/**
 * The national indicator tables as they leave the hub: a small value model ({@link IndicatorSet}) filled with
 * already-suppressed cells, and its exports to FHIR R4 MeasureReport ({@link MeasureReports}), IHE ADX
 * ({@link AdxExport}) and DHIS2 data value sets ({@link DataValueSets}, sent by {@link Dhis2Client}). Every exporter
 * refuses a published count from 1 to min-cell − 1 ({@link DisclosureCheck}). See {@code docs/indicators.md},
 * "Exports".
 */
@org.springframework.modulith.NamedInterface("exchange")
package org.ishenim.indicators.exchange;
