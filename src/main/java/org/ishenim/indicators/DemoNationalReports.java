package org.ishenim.indicators;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.ishenim.medicines.Substance;
import org.ishenim.web.ClinicZone;
import org.ishenim.web.HubOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo hub's national picture: synthetic monthly reports of the sites in {@code ishenim.demo.national-sites}
 * ({@code code:region}, registered by the hub module's demo seeder) for the twelve months up to last month (in the
 * clinic zone, as a clinic reckons "last month"). Each report is written as the JSON a clinic sends and goes through
 * the hub's own reading and storing ({@link MonthlyContribution.Payload#read}, {@link MonthlyContribution#fromPayload},
 * {@link HubMonthlyReports#receive}), so it is checked and audited like a received one. The figures are made up, the
 * same for a site and month at every start, and sized so that national cells are mostly above the minimum cell
 * while the smaller regions' cells (women under 25, "other" sex) are suppressed. A month a site already reported is
 * left alone. Demo profile, hub only.
 */
@Component
@Profile("demo")
@HubOnly
@ConditionalOnWebApplication
@Order(35)
class DemoNationalReports implements ApplicationRunner {

    static final int MONTHS = 12;

    /** A synthetic site: its code, region and the clients in contact with it a year ago. */
    record DemoSite(String code, String region, int size) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoNationalReports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Sex × age band shares of the clients in contact (F, M, OTHER; under 25, 25 and over). */
    private static final double[][] SHARES = {{0.02, 0.14}, {0.10, 0.72}, {0.005, 0.015}};
    private static final int[] SIZES = {300, 200, 160, 240, 260, 140, 220, 150, 120, 80};

    private final HubMonthlyReports reports;
    private final Clock clock;
    private final ClinicZone zone;
    private final List<DemoSite> sites;

    DemoNationalReports(HubMonthlyReports reports, Clock clock, ClinicZone zone,
            @Value("${ishenim.demo.national-sites:}") List<String> sites) {
        this.reports = reports;
        this.clock = clock;
        this.zone = zone;
        this.sites = sites(sites);
    }

    /** The configured sites, {@code code:region} each, with a size by position. */
    static List<DemoSite> sites(List<String> entries) {
        List<String> valid = entries.stream().map(String::strip).filter(e -> e.matches("[a-z0-9-]+:[a-z0-9_-]+"))
                .toList();
        return java.util.stream.IntStream.range(0, valid.size()).mapToObj(i -> {
            String[] parts = valid.get(i).split(":");
            return new DemoSite(parts[0], parts[1], SIZES[i % SIZES.length]);
        }).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        YearMonth last = YearMonth.now(clock.withZone(zone.id())).minusMonths(1);
        int stored = 0;
        for (int back = MONTHS - 1; back >= 0; back--) {
            YearMonth month = last.minusMonths(back);
            Set<String> reported = reports.storedFor(month).stream().map(HubMonthlyReports.StoredReport::site)
                    .collect(Collectors.toSet());
            for (DemoSite site : sites) {
                if (!reported.contains(site.code())) {
                    MonthlyContribution report = MonthlyContribution.fromPayload(month,
                            MonthlyContribution.Payload.read(payload(site, month, MONTHS - 1 - back)));
                    reports.receive(site.code(), report);
                    stored++;
                }
            }
        }
        if (stored > 0) {
            log.info("Demo hub: {} synthetic monthly reports of {} sites stored", stored, sites.size());
        }
    }

    /**
     * A site's report for a month, as a clinic sends it: {@code age} months after the first seeded month (the site
     * grows by about 1 % a month). The same site and month always give the same report.
     */
    static ObjectNode payload(DemoSite site, YearMonth month, int age) {
        Random random = new Random(site.code().hashCode() * 31L + month.hashCode());
        double size = site.size() * (1 + 0.01 * age);
        double coverage = 0.6 + 0.2 * random.nextDouble();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode cells = JSON.createArrayNode();
        int counted = 0;
        Sex[] sexes = Sex.values();
        AgeBand[] ages = AgeBand.values();
        for (int s = 0; s < sexes.length; s++) {
            for (int a = 0; a < ages.length; a++) {
                int inContact = (int) Math.round(size * SHARES[s][a] * (0.9 + 0.2 * random.nextDouble()));
                counted += inContact;
                cell(cells, ReportMeasure.IND11_DENOMINATOR, sexes[s], ages[a], null, inContact);
                int treated = (int) Math.round(inContact * coverage);
                int buprenorphine = (int) Math.round(treated * 0.15);
                int[] byMedicine = {treated - buprenorphine, buprenorphine};
                int cohort = (int) Math.round(inContact * 0.12);
                for (Substance medicine : Substance.values()) {
                    int n = byMedicine[medicine.ordinal()];
                    if (n == 0) {
                        continue;
                    }
                    cell(cells, ReportMeasure.IND11_NUMERATOR, sexes[s], ages[a], medicine, n);
                    cell(cells, ReportMeasure.IND12_DAYS, sexes[s], ages[a], medicine,
                            Math.round(n * (26 + 4 * random.nextDouble())));
                    int maintenance = (int) Math.round(n * 0.9);
                    cell(cells, ReportMeasure.IND14_DENOMINATOR, sexes[s], ages[a], medicine, maintenance);
                    cell(cells, ReportMeasure.IND14_NUMERATOR, sexes[s], ages[a], medicine,
                            Math.round(maintenance * (0.6 + 0.2 * random.nextDouble())));
                }
                if (cohort > 0) {
                    cell(cells, ReportMeasure.IND13_COHORT, sexes[s], ages[a], Substance.METHADONE, cohort);
                    cell(cells, ReportMeasure.IND13_OBSERVABLE, sexes[s], ages[a], Substance.METHADONE, cohort);
                    cell(cells, ReportMeasure.IND13_RETAINED, sexes[s], ages[a], Substance.METHADONE,
                            Math.round(cohort * (0.65 + 0.2 * random.nextDouble())));
                }
            }
        }
        // about 4 % of the consenting clients are counted at another site (the hub's list, applied)
        int elsewhere = (int) Math.round(counted * 0.04);
        body.put("version", 1);
        body.put("census", month.atEndOfMonth().toString());
        body.put("region", site.region());
        body.put("counted", counted);
        body.put("withoutConsent", (int) Math.round(counted * 0.08));
        body.set("cells", cells);
        body.put("exclusions", CountedElsewhere.Status.APPLIED.name());
        body.put("countedElsewhere", elsewhere);
        ArrayNode bounds = body.putArray("bounds");
        boolean belowMinCell = elsewhere > 0 && elsewhere < 11;
        if (elsewhere >= 11) {
            long treated = Math.min(elsewhere, Math.round(elsewhere * coverage));
            bound(bounds, ReportMeasure.IND11_NUMERATOR, treated);
            bound(bounds, ReportMeasure.IND12_DAYS, treated * 28);
            bound(bounds, ReportMeasure.IND13_RETAINED, Math.round(elsewhere * 0.05));
            bound(bounds, ReportMeasure.IND14_NUMERATOR, Math.round(treated * 0.65));
        }
        body.put("boundsBelowMinCell", belowMinCell);
        return body;
    }

    private static void cell(ArrayNode cells, ReportMeasure measure, Sex sex, AgeBand age, Substance medicine,
            long count) {
        ObjectNode cell = cells.addObject();
        cell.put("indicator", measure.indicator());
        cell.put("measure", measure.measure());
        cell.put("sex", sex.name());
        cell.put("age", age.name());
        if (medicine != null) {
            cell.put("medicine", medicine.name());
        }
        cell.put("count", count);
    }

    private static void bound(ArrayNode bounds, ReportMeasure measure, long count) {
        ObjectNode bound = bounds.addObject();
        bound.put("indicator", measure.indicator());
        bound.put("measure", measure.measure());
        bound.put("count", count);
    }
}
