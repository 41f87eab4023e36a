package org.ishenim.indicators;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.ishenim.web.ConflictException;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.HubOnly;
import org.ishenim.web.InvalidFieldsException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The hub's receipt of a site's monthly report: {@code PUT /api/v1/hub/monthly-reports/{month}}, authenticated by the
 * site's bearer token (the hub API's security chain). Answers {@code 200 {"month","version","receipt"}} with
 * {@code STORED}, {@code UNCHANGED} (the same version again) or {@code REPLACED} (a higher version); {@code 409} with
 * the problem type {@code urn:ishenim:problem:report-superseded} for a lower version than the stored one (property
 * {@code storedVersion}), or {@code report-version-conflict} for a different report under the stored version;
 * {@code 400} for an unknown field, a negative count or a wrong stratum, with nothing stored.
 */
@RestController
@RequestMapping("/api/v1/hub/monthly-reports")
@HubOnly
class MonthlyReportReceipt {

    /** The problem type of a lower version, which the clinic takes as a final refusal. */
    static final String SUPERSEDED = "report-superseded";
    /** The problem type of a different report under the stored version, also final. */
    static final String VERSION_CONFLICT = "report-version-conflict";

    private final HubMonthlyReports reports;
    private final Clock clock;

    MonthlyReportReceipt(HubMonthlyReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @PutMapping(path = "/{month}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SITE')")
    Map<String, Object> put(@PathVariable String month, @RequestBody JsonNode body) {
        String site = CurrentStaff.username();
        YearMonth m = month(month);
        MonthlyContribution report;
        try {
            report = MonthlyContribution.fromPayload(m, MonthlyContribution.Payload.read(body));
        } catch (InvalidFieldsException e) {
            reports.invalid(site, m.toString());
            throw e;
        }
        var received = reports.receive(site, report);
        switch (received.receipt()) {
            case SUPERSEDED -> throw (ConflictException) new ConflictException(SUPERSEDED,
                    "A later version of this month's report is stored; a lower version is refused.")
                    .with("storedVersion", received.storedVersion());
            case CONFLICT -> throw (ConflictException) new ConflictException(VERSION_CONFLICT,
                    "A different report is stored under this version; a correction takes the next version.")
                    .with("storedVersion", received.storedVersion());
            default -> {
                return Map.of("month", m.toString(), "version", received.storedVersion(), "receipt",
                        received.receipt().name());
            }
        }
    }

    /** The month in the path: yyyy-mm, from 2000 to next month (a clinic's zone may be ahead of the hub's). */
    private YearMonth month(String text) {
        try {
            YearMonth m = YearMonth.parse(text);
            if (m.getYear() >= 2000 && !m.isAfter(YearMonth.now(clock.withZone(ZoneOffset.UTC)).plusMonths(1))) {
                return m;
            }
        } catch (DateTimeParseException e) {
            // answered below, without the text sent
        }
        throw new InvalidFieldsException(Map.of("month", "A month (yyyy-mm) from 2000 to this month."));
    }
}
