package org.ishenim.bench.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A synthetic clinic for the indicators benchmark, row by row as the clinic schema stores it: clients, consents
 * (TREATMENT for all, STATISTICS for about 85%, DUPLICATE_CHECK for about 70%), one course each (80% methadone
 * oral solution, 20% buprenorphine 2 mg tablets) with its versions, and the dispensings with their dose days over
 * the two years {@code [first, last]}. A course: titration from a low first dose to the client's target (a quarter
 * stay below the adequate dose), reviews and dose changes every two to five months, missed days (4%), for 12% of
 * clients one long gap (15 to 45 days) and a re-induction, take-home doses (one to six days) for stable clients
 * after six months, and for 10% a reducing dose ending the course, for another 6% an exit. Most clients (80%) are
 * in treatment before the window starts; the others enrol during it. Deterministic for a seed.
 */
final class SyntheticClinic {

    static final ZoneId ZONE = ZoneId.of("Asia/Bishkek");
    static final String METHADONE = "METHADONE_ORAL_10MG_ML";
    static final String BUPRENORPHINE = "BUPRENORPHINE_SL_2MG";

    record ClientRow(UUID id, String uic, String sex, int birthYear, boolean exited, OffsetDateTime enrolledAt,
            OffsetDateTime exitedAt) {
    }

    record ConsentRow(UUID id, UUID client, String purpose, OffsetDateTime givenAt) {
    }

    record CourseRow(UUID id, UUID client, String medicine, LocalDate startOn, LocalDate endOn, UUID currentVersion,
            LocalDate resetOn, OffsetDateTime createdAt) {
    }

    record VersionRow(UUID id, UUID course, int version, String kind, BigDecimal dailyDose, int takeHomeDays,
            String reason, OffsetDateTime createdAt, LocalDate effectiveOn) {
    }

    record DispensingRow(UUID id, UUID client, UUID course, UUID version, String site, String medicine,
            BigDecimal dose, int days, boolean observed, int bottles, LocalDate firstDay, OffsetDateTime at) {
    }

    /** Receives one client's rows at a time, parents before children. */
    interface Sink {
        void client(ClientRow client, List<ConsentRow> consents, CourseRow course, List<VersionRow> versions,
                List<DispensingRow> dispensings);
    }

    private final LocalDate first;
    private final LocalDate last;
    private final long seed;

    SyntheticClinic(LocalDate first, LocalDate last, long seed) {
        this.first = first;
        this.last = last;
        this.seed = seed;
    }

    void generate(int clients, Sink sink) {
        for (int i = 0; i < clients; i++) {
            client(i, new SplittableRandom(seed * 1_000_003L + i), sink);
        }
    }

    private void client(int index, SplittableRandom r, Sink sink) {
        UUID id = new UUID(seed, index);
        double s = r.nextDouble();
        String sex = s < 0.80 ? "M" : s < 0.98 ? "F" : "X";
        int birthYear = 1962 + r.nextInt(42);
        long window = last.toEpochDay() - first.toEpochDay();
        LocalDate start = r.nextDouble() < 0.8 ? first.minusDays(30 + r.nextInt(1800))
                : first.plusDays(r.nextInt((int) window - 20));
        boolean methadone = r.nextDouble() < 0.8;
        String medicine = methadone ? METHADONE : BUPRENORPHINE;
        int unit = methadone ? 10 : 2;
        int initial = methadone ? 20 + 10 * r.nextInt(2) : 4;
        int target = methadone ? (r.nextDouble() < 0.25 ? 40 + 5 * r.nextInt(4) : 60 + 10 * r.nextInt(9))
                : (r.nextDouble() < 0.2 ? 4 + 2 * r.nextInt(2) : 8 + 2 * r.nextInt(9));
        double fate = r.nextDouble();
        LocalDate taperFrom = fate < 0.10 ? randomDay(r, start.plusDays(120)) : null;
        LocalDate exitOn = fate >= 0.10 && fate < 0.16 ? randomDay(r, start.plusDays(10)) : null;
        LocalDate gapFrom = r.nextDouble() < 0.12 ? randomDay(r, start.plusDays(60)) : null;
        int gapDays = 15 + r.nextInt(31);
        boolean takeHomes = r.nextDouble() < 0.3;

        UUID course = new UUID(seed, 1_000_000_000L + index);
        List<VersionRow> versions = new ArrayList<>();
        List<DispensingRow> dispensings = new ArrayList<>();
        int dose = initial;
        int takeHome = 0;
        LocalDate resetOn = start;
        LocalDate maintenanceSince = null;
        LocalDate nextChange = start.plusDays(3 + r.nextInt(3));
        LocalDate end = null;
        versions.add(version(course, 1, "INITIAL", dose, 0, start));
        boolean titrating = true;
        for (LocalDate day = start; !day.isAfter(last); ) {
            if (exitOn != null && !day.isBefore(exitOn)) {
                end = day.minusDays(1);
                break;
            }
            if (gapFrom != null && day.equals(gapFrom)) {
                day = day.plusDays(gapDays);
                gapFrom = null;
                dose = Math.max(initial, (dose / 2) / unit * unit);
                takeHome = 0;
                titrating = true;
                maintenanceSince = null;
                resetOn = day;
                versions.add(version(course, versions.size() + 1, "REINDUCTION", dose, 0, day));
                nextChange = day.plusDays(3 + r.nextInt(3));
                continue;
            }
            if (!day.isBefore(nextChange)) {
                if (taperFrom != null && !day.isBefore(taperFrom)) {
                    if (dose <= unit) {
                        end = day.minusDays(1);
                        break;
                    }
                    dose -= unit;
                    takeHome = 0;
                    versions.add(version(course, versions.size() + 1, "CHANGE", dose, 0, day));
                    nextChange = day.plusDays(14);
                } else if (titrating) {
                    dose = Math.min(target, dose + unit);
                    titrating = dose < target;
                    if (!titrating) {
                        maintenanceSince = day;
                    }
                    versions.add(version(course, versions.size() + 1, "CHANGE", dose, 0, day));
                    nextChange = titrating ? day.plusDays(3 + r.nextInt(3)) : day.plusDays(60 + r.nextInt(90));
                } else {
                    boolean review = r.nextDouble() < 0.5;
                    if (!review) {
                        dose = Math.max(unit, dose + (r.nextBoolean() ? unit : -unit));
                    }
                    if (takeHomes && maintenanceSince != null && day.isAfter(maintenanceSince.plusDays(180))) {
                        takeHome = 1 + r.nextInt(6);
                    }
                    versions.add(version(course, versions.size() + 1, review ? "REVIEW" : "CHANGE", dose, takeHome,
                            day));
                    if (review) {
                        resetOn = day;
                    }
                    nextChange = day.plusDays(60 + r.nextInt(90));
                }
            }
            if (day.isBefore(first) || r.nextDouble() < 0.04) {
                day = day.plusDays(1);
                continue;
            }
            int days = 1 + takeHome;
            VersionRow current = versions.get(versions.size() - 1);
            LocalTime time = LocalTime.of(8, 0).plusMinutes(r.nextInt(9 * 60));
            dispensings.add(new DispensingRow(new UUID(seed ^ 0x5eed, (long) index << 20 | dispensings.size()), id,
                    course, current.id(), r.nextInt(4) == 0 ? "east" : "main", medicine, BigDecimal.valueOf(dose), days,
                    true, methadone ? days - 1 : 0, day, day.atTime(time).atZone(ZONE).toOffsetDateTime()));
            day = day.plusDays(days);
        }
        OffsetDateTime enrolledAt = start.atTime(9, 0).atZone(ZONE).toOffsetDateTime();
        boolean exited = end != null;
        ClientRow client = new ClientRow(id, uic(sex, birthYear, index), sex, birthYear, exited, enrolledAt,
                exited ? end.plusDays(1).atTime(12, 0).atZone(ZONE).toOffsetDateTime() : null);
        List<ConsentRow> consents = new ArrayList<>();
        consents.add(new ConsentRow(new UUID(seed, 2_000_000_000L + index), id, "TREATMENT", enrolledAt));
        if (r.nextDouble() < 0.85) {
            consents.add(new ConsentRow(new UUID(seed, 3_000_000_000L + index), id, "STATISTICS", enrolledAt));
        }
        if (r.nextDouble() < 0.7) {
            consents.add(new ConsentRow(new UUID(seed, 4_000_000_000L + index), id, "DUPLICATE_CHECK", enrolledAt));
        }
        sink.client(client, consents, new CourseRow(course, id, medicine, start, end,
                versions.get(versions.size() - 1).id(), resetOn, enrolledAt), versions, dispensings);
    }

    private LocalDate randomDay(SplittableRandom r, LocalDate notBefore) {
        LocalDate from = notBefore.isAfter(first) ? notBefore : first;
        long span = last.toEpochDay() - from.toEpochDay();
        return span <= 0 ? last.plusDays(1) : from.plusDays(r.nextLong(span));
    }

    private VersionRow version(UUID course, int number, String kind, int dose, int takeHome, LocalDate on) {
        return new VersionRow(new UUID(course.getLeastSignificantBits(), number), course, number, kind,
                BigDecimal.valueOf(dose), takeHome, null, on.atTime(10, 0).atZone(ZONE).toOffsetDateTime(), on);
    }

    /** A valid, unique UIC: sex, birth year and four letters numbering the client. */
    static String uic(String sex, int birthYear, int index) {
        char[] letters = new char[4];
        int n = index;
        for (int i = 3; i >= 0; i--) {
            letters[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return sex + birthYear + new String(letters);
    }
}
