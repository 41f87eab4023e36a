package org.ishenim.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.ishenim.linkage.encoding.RecordEncoder;

/**
 * Encodes records into CLKs with a linkage schema and a secret. Bit-for-bit compatible with clkhash for v3 schemas
 * without Ishenim's extensions. Thread-safe.
 */
public final class ClkEncoder {

    private static final int PARALLEL_FROM = 2_000;

    private final LinkageSchema schema;
    private final RecordEncoder encoder;

    public ClkEncoder(LinkageSchema schema, byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the secret must not be empty");
        }
        this.schema = schema;
        this.encoder = new RecordEncoder(schema.model(), secret);
    }

    /** Encodes one record given as column name to raw value. */
    public Clk encode(Map<String, String> record) {
        return encode(record, 0);
    }

    private Clk encode(Map<String, String> record, int row) {
        try {
            return new Clk(encoder.encode(record::get), schema.length());
        } catch (RecordEncoder.FeatureRejected e) {
            throw new InvalidInputException(row, e.column(), e.getMessage());
        }
    }

    /** Encodes many records, in order, on all cores when there are many. Rows are numbered from 1. */
    public List<Clk> encodeAll(List<Map<String, String>> records) {
        IntStream rows = IntStream.range(0, records.size());
        if (records.size() >= PARALLEL_FROM) {
            rows = rows.parallel();
        }
        return rows.mapToObj(i -> encode(records.get(i), i + 1)).toList();
    }

    /**
     * Encodes a CSV file with a header row. Columns the schema does not read are ignored; a column it reads
     * that is absent from the header, or a row of the wrong length, is rejected with its row and column.
     */
    public List<Clk> encodeCsv(Reader csv) {
        return encodeAll(readCsv(csv, schema));
    }

    /** Spreadsheet programs often save UTF-8 CSV with a byte order mark; it must not become part of a column name. */
    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        BufferedReader reader = new BufferedReader(csv);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    static List<Map<String, String>> readCsv(Reader csv, LinkageSchema schema) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(csv), format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : schema.requiredColumns()) {
                if (!header.contains(column)) {
                    throw new InvalidInputException(0, column, "column is missing from the header");
                }
            }
            List<Map<String, String>> records = new ArrayList<>();
            for (CSVRecord line : parser) {
                int row = records.size() + 1;
                if (line.size() != header.size()) {
                    throw new InvalidInputException(row, "*", "row has " + line.size() + " fields, the header has "
                            + header.size());
                }
                Map<String, String> record = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    record.put(header.get(c), line.get(c));
                }
                records.add(record);
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CSV input", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException(0, "*", "malformed CSV: " + e.getClass().getSimpleName());
        }
    }
}
