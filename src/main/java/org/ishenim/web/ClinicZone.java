package org.ishenim.web;

import java.time.ZoneId;

/**
 * The clinic's time zone ({@code ishenim.clinic.zone}, default {@code Asia/Bishkek}): a dose day, a report's month and
 * the times on pages are in it. The one place the setting is read; only the absence job's cron annotation names the
 * property itself, because an annotation cannot take a bean.
 */
public record ClinicZone(ZoneId id) {
}
