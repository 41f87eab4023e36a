package org.ishenim.reform.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.reform.Country;
import org.ishenim.reform.RowError;
import org.ishenim.reform.TabularFile;
import org.ishenim.web.HubOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ishenim.web.CurrentStaff;

/**
 * Registry figures (imported from official statistics) and the number of people on OAT (entered by hand for now).
 * A figure for a region and year replaces the earlier one, so re-importing a corrected file is safe.
 */
@Service
@HubOnly
public class Registry {

    public static final List<String> COLUMNS = List.of("year", "region", "on_registry", "new_registrations", "removals");

    /** One year: the registry totals over all regions, and people on OAT (null when not entered). */
    public record YearTotal(int year, int onRegistry, int newRegistrations, int removals, Integer onOat) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    Registry(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RegistryImportReport importFile(Country country, String fileName, byte[] content, boolean importValidRows,
            boolean synthetic) {
        TabularFile file;
        try {
            file = TabularFile.read(fileName, content);
        } catch (TabularFile.Unreadable e) {
            return new RegistryImportReport(0, 0, List.of(new RowError(1, "", "unreadable")), false);
        }
        List<RowError> errors = new ArrayList<>();
        List<RegistryFigure> valid = new ArrayList<>();
        if (file.lines().isEmpty()) {
            return new RegistryImportReport(0, 0, List.of(new RowError(1, "year", "empty_file")), false);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = file.lines().get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String c : COLUMNS) {
            if (!index.containsKey(c)) {
                errors.add(new RowError(1, c, "missing_column"));
            }
        }
        int rows = file.lines().size() - 1;
        if (!errors.isEmpty()) {
            return new RegistryImportReport(rows, 0, errors, false);
        }
        int thisYear = clock.instant().atZone(java.time.ZoneOffset.UTC).getYear();
        for (TabularFile.Line line : file.lines().subList(1, file.lines().size())) {
            List<RowError> lineErrors = new ArrayList<>();
            String region = value(line, index.get("region"));
            if (org.ishenim.web.FreeText.hasRefused(region)) {
                lineErrors.add(new RowError(line.number(), "region", "unsafe_text"));
            } else if (region.isEmpty()) {
                lineErrors.add(new RowError(line.number(), "region", "missing_value"));
            } else if (TabularFile.looksLikeFormula(region)) {
                lineErrors.add(new RowError(line.number(), "region", "formula"));
            } else if (region.length() > 100) {
                lineErrors.add(new RowError(line.number(), "region", "too_long"));
            }
            int[] numbers = new int[4];
            String[] numeric = {"year", "on_registry", "new_registrations", "removals"};
            for (int i = 0; i < numeric.length; i++) {
                String v = value(line, index.get(numeric[i]));
                if (v.isEmpty()) {
                    lineErrors.add(new RowError(line.number(), numeric[i], "missing_value"));
                    continue;
                }
                try {
                    numbers[i] = Integer.parseInt(v);
                    boolean bad = i == 0 ? numbers[i] < 1990 || numbers[i] > thisYear : numbers[i] < 0;
                    if (bad) {
                        lineErrors.add(new RowError(line.number(), numeric[i], i == 0 ? "year_range" : "negative"));
                    }
                } catch (NumberFormatException e) {
                    lineErrors.add(new RowError(line.number(), numeric[i], "not_a_number"));
                }
            }
            if (lineErrors.isEmpty()) {
                valid.add(new RegistryFigure(numbers[0], region, numbers[1], numbers[2], numbers[3], synthetic));
            } else {
                errors.addAll(lineErrors);
            }
        }
        if (!errors.isEmpty() && !importValidRows) {
            return new RegistryImportReport(rows, 0, errors, false);
        }
        for (RegistryFigure f : valid) {
            store(country, f);
        }
        audit.record("reform.registry.import", null, country.code() + ": " + valid.size() + " figures", Outcome.SUCCESS);
        return new RegistryImportReport(rows, valid.size(), errors, true);
    }

    private void store(Country country, RegistryFigure f) {
        db.sql("DELETE FROM reform_registry WHERE country = :c AND ref_year = :y AND region = :r")
                .param("c", country.code()).param("y", f.year()).param("r", f.region()).update();
        db.sql("""
                INSERT INTO reform_registry (country, ref_year, region, on_registry, new_registrations, removals, synthetic)
                VALUES (:c, :y, :r, :on, :new, :removed, :synthetic)
                """)
                .param("c", country.code()).param("y", f.year()).param("r", f.region()).param("on", f.onRegistry())
                .param("new", f.newRegistrations()).param("removed", f.removals()).param("synthetic", f.synthetic())
                .update();
    }

    /** Sets the number of people on OAT in a year (replacing the earlier figure). */
    @Transactional
    public void setOat(Country country, int year, int people, boolean synthetic) {
        if (people < 0 || year < 1990 || year > clock.instant().atZone(java.time.ZoneOffset.UTC).getYear()) {
            throw new org.ishenim.web.InvalidFieldsException(Map.of("oat", "range"));
        }
        db.sql("DELETE FROM reform_oat WHERE country = :c AND ref_year = :y").param("c", country.code())
                .param("y", year).update();
        db.sql("""
                INSERT INTO reform_oat (country, ref_year, people, entered_by, synthetic)
                VALUES (:c, :y, :people, :by, :synthetic)
                """)
                .param("c", country.code()).param("y", year).param("people", people).param("by", CurrentStaff.username())
                .param("synthetic", synthetic).update();
        audit.record("reform.oat.set", null, country.code() + " " + year + ": " + people, Outcome.SUCCESS);
    }

    @Transactional(readOnly = true)
    public List<RegistryFigure> figures(Country country) {
        return db.sql("""
                SELECT * FROM reform_registry WHERE country = :c ORDER BY ref_year, region
                """)
                .param("c", country.code())
                .query((rs, n) -> new RegistryFigure(rs.getInt("ref_year"), rs.getString("region"),
                        rs.getInt("on_registry"), rs.getInt("new_registrations"), rs.getInt("removals"),
                        rs.getBoolean("synthetic")))
                .list();
    }

    /** Totals by year, registry against OAT, for every year that has either. */
    @Transactional(readOnly = true)
    public List<YearTotal> trend(Country country) {
        Map<Integer, int[]> totals = new TreeMap<>();
        for (RegistryFigure f : figures(country)) {
            int[] t = totals.computeIfAbsent(f.year(), y -> new int[3]);
            t[0] += f.onRegistry();
            t[1] += f.newRegistrations();
            t[2] += f.removals();
        }
        Map<Integer, Integer> oat = new TreeMap<>();
        db.sql("SELECT ref_year, people FROM reform_oat WHERE country = :c").param("c", country.code())
                .query((rs, n) -> oat.put(rs.getInt(1), rs.getInt(2))).list();
        oat.keySet().forEach(y -> totals.computeIfAbsent(y, k -> new int[3]));
        List<YearTotal> out = new ArrayList<>();
        totals.forEach((y, t) -> out.add(new YearTotal(y, t[0], t[1], t[2], oat.get(y))));
        return out;
    }

    @Transactional(readOnly = true)
    public boolean anySynthetic(Country country) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM reform_registry WHERE country = :c AND synthetic = TRUE)
                     + (SELECT COUNT(*) FROM reform_oat WHERE country = :c AND synthetic = TRUE)
                """).param("c", country.code()).query(Long.class).single() > 0;
    }

    private static String value(TabularFile.Line line, Integer at) {
        String v = at == null ? null : line.cell(at);
        return v == null ? "" : v.strip();
    }
}
