package org.ishenim.reform.sentences;

import org.ishenim.reform.RowError;
import static org.ishenim.reform.sentences.SentenceTemplate.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ishenim.reform.TabularFile;

/**
 * Checks an imported file against the template, cell by cell, and reports every problem with its line, column and
 * reason. Pure: no Spring, no database. The case reference is hashed by the function passed in.
 */
final class SentenceFileCheck {

    static final int MAX_MONTHS = 120;
    /** Case references starting with this mark made-up rows (demonstration, training); the UI labels them. */
    static final String SYNTHETIC_PREFIX = "SYN-";
    static final List<String> TEXT_COLUMNS = List.of(CASE_REFERENCE, COURT, REGION, ARTICLE, OUTCOME);
    /** Strict: 31.02.2024 is refused, not moved to the 29th (the ISO parser is strict already). */
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** A checked file: the sentences of the valid lines, and the errors of the others. */
    record Result(int rowsRead, List<Sentence> valid, List<RowError> errors) {
    }

    private final Function<String, String> hasher;
    private final org.ishenim.web.PlausibleDates.Range plausible;
    private final boolean synthetic;

    /** @param hasher turns a case reference into its keyed hash */
    /** {@code plausible}: the dates a sentence can have ({@code PlausibleDates.past()}: 1990-01-01 to today by default). */
    SentenceFileCheck(Function<String, String> hasher, org.ishenim.web.PlausibleDates.Range plausible, boolean synthetic) {
        this.hasher = hasher;
        this.plausible = plausible;
        this.synthetic = synthetic;
    }

    Result check(TabularFile file) {
        List<RowError> errors = new ArrayList<>();
        List<Sentence> valid = new ArrayList<>();
        if (file.lines().isEmpty()) {
            errors.add(new RowError(1, CASE_REFERENCE, "empty_file"));
            return new Result(0, valid, errors);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = file.lines().get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                index.putIfAbsent(name, i);
            }
        }
        for (String column : COLUMNS) {
            if (!column.equals(OUTCOME) && !index.containsKey(column)) {
                errors.add(new RowError(1, column, "missing_column"));
            }
        }
        int rows = file.lines().size() - 1;
        if (!errors.isEmpty()) {
            return new Result(rows, valid, errors);
        }
        Set<String> seen = new HashSet<>();
        for (TabularFile.Line line : file.lines().subList(1, file.lines().size())) {
            List<RowError> lineErrors = new ArrayList<>();
            Map<String, String> v = new HashMap<>();
            for (String column : COLUMNS) {
                Integer at = index.get(column);
                String raw = at == null ? null : line.cell(at);
                String value = raw == null ? "" : raw.strip();
                if (org.ishenim.web.FreeText.hasRefused(raw)) {
                    lineErrors.add(new RowError(line.number(), column, "unsafe_text"));
                } else if (value.isEmpty() && !column.equals(OUTCOME)) {
                    lineErrors.add(new RowError(line.number(), column, "missing_value"));
                } else if (TEXT_COLUMNS.contains(column) && TabularFile.looksLikeFormula(raw == null ? "" : raw)) {
                    lineErrors.add(new RowError(line.number(), column, "formula"));
                } else if (value.length() > (column.equals(OUTCOME) || column.equals(COURT) ? 200 : 100)) {
                    lineErrors.add(new RowError(line.number(), column, "too_long"));
                }
                v.put(column, value);
            }
            LocalDate date = null;
            if (!v.get(SENTENCE_DATE).isEmpty()) {
                date = parseDate(v.get(SENTENCE_DATE)).orElse(null);
                if (date == null) {
                    lineErrors.add(new RowError(line.number(), SENTENCE_DATE, "bad_date"));
                } else if (date.isAfter(plausible.latest())) {
                    lineErrors.add(new RowError(line.number(), SENTENCE_DATE, "future_date"));
                } else if (date.isBefore(plausible.earliest())) {
                    lineErrors.add(new RowError(line.number(), SENTENCE_DATE, "early_date"));
                }
            }
            Measure measure = null;
            if (!v.get(MEASURE).isEmpty()) {
                measure = Measure.ofCode(v.get(MEASURE)).orElse(null);
                if (measure == null) {
                    lineErrors.add(new RowError(line.number(), MEASURE, "unknown_measure"));
                }
            }
            ExpertFinding finding = null;
            if (!v.get(EXPERT_FINDING).isEmpty()) {
                finding = ExpertFinding.ofCode(v.get(EXPERT_FINDING)).orElse(null);
                if (finding == null) {
                    lineErrors.add(new RowError(line.number(), EXPERT_FINDING, "unknown_finding"));
                }
            }
            Integer months = null;
            if (!v.get(TREATMENT_MONTHS).isEmpty()) {
                try {
                    months = Integer.valueOf(v.get(TREATMENT_MONTHS));
                    if (months < 1 || months > MAX_MONTHS) {
                        lineErrors.add(new RowError(line.number(), TREATMENT_MONTHS, "months_range"));
                    }
                } catch (NumberFormatException e) {
                    lineErrors.add(new RowError(line.number(), TREATMENT_MONTHS, "not_a_number"));
                }
            }
            String reference = v.get(CASE_REFERENCE);
            if (lineErrors.stream().noneMatch(e -> e.column().equals(CASE_REFERENCE))) {
                if (reference.toUpperCase(Locale.ROOT).startsWith("EXAMPLE-")) {
                    lineErrors.add(new RowError(line.number(), CASE_REFERENCE, "example_row"));
                }
            }
            if (!lineErrors.isEmpty()) {
                errors.addAll(lineErrors);
                continue;
            }
            String hash = hasher.apply(reference);
            if (!seen.add(hash)) {
                errors.add(new RowError(line.number(), CASE_REFERENCE, "duplicate_in_file"));
                continue;
            }
            String outcome = v.get(OUTCOME).isEmpty() ? null : v.get(OUTCOME);
            boolean made = synthetic || reference.toUpperCase(Locale.ROOT).startsWith(SYNTHETIC_PREFIX);
            valid.add(new Sentence(hash, v.get(COURT), v.get(REGION), date, v.get(ARTICLE), measure, finding, months,
                    outcome, made));
        }
        return new Result(rows, valid, errors);
    }

    static Optional<LocalDate> parseDate(String s) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DOTTED)) {
            try {
                return Optional.of(LocalDate.parse(s, f));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
