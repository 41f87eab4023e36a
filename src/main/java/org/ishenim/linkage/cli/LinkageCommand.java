package org.ishenim.linkage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ishenim.linkage.Candidate;
import org.ishenim.linkage.Clk;
import org.ishenim.linkage.ClkEncoder;
import org.ishenim.linkage.ClkSet;
import org.ishenim.linkage.InvalidInputException;
import org.ishenim.linkage.InvalidSchemaException;
import org.ishenim.linkage.LinkageSchema;
import org.ishenim.linkage.Matcher;

/**
 * {@code java -jar ishenim.jar linkage encode|match|evaluate ...}. Errors print one line and exit with 2; messages
 * name rows, columns and reasons, never record contents.
 */
public final class LinkageCommand {

    static final String HELP = """
            Usage: java -jar ishenim.jar linkage <command> [options]

              encode --schema <S.json|clinic> --secret-file <K> <IN.csv> <OUT.json>
                  Encode a CSV file with a header row into CLKs, written as {"clks": [base64, ...]}.
                  'clinic' selects the shipped clinic schema (given_name, surname, date_of_birth ISO, sex M/F/X;
                  other columns are ignored). The secret is the file's bytes without trailing line breaks.

              match <A.json> <B.json> [--threshold T] [--solver greedy|none] [--out F] [--threads N]
                    [--blocking BANDSxBITS]
                  Writes CSV index_a,index_b,similarity (with that header). --threshold defaults to %s
                  (the clinic default). --solver greedy (default) keeps each record in at most one pair;
                  none writes every pair at or above the threshold. --blocking, e.g. 64x20, compares only
                  pairs sharing an LSH band (for very large files). Output goes to stdout unless --out.

              evaluate [--dataset febrl|translit|both] [--data DIR] [--threshold T | --range FROM:TO:STEP]
                       [--schema S.json|clinic] [--normalise-names] [--solver none|greedy] [--secret-file K]
                       [--threads N]
                  Pairwise precision, recall and F1 of all pairs at or above each threshold (--solver none,
                  the default, as the hub answers; greedy first solves one-to-one as anonlink does).
                  febrl: DIR/febrl/dataset4a.csv against dataset4b.csv, truth rec-N-org = rec-N-dup-0,
                  schema DIR/febrl_schema_v3_final.json unless --schema; --normalise-names adds
                  Ishenim's name normalisation to its given_name and surname. translit: DIR/translit-dev a.csv
                  against b.csv, truth same local_id, clinic schema unless --schema. DIR defaults to
                  src/test/resources/linkage of the repository. Default --range 0.70:0.95:0.05.

              --help    this text
            Exit codes: 0 success, 2 invalid arguments or input.
            """.formatted(LinkageSchema.CLINIC_THRESHOLD);

    private LinkageCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(HELP);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            if (List.of(rest).contains("--help")) {
                out.print(HELP);
                return 0;
            }
            switch (args[0]) {
                case "encode" -> encode(rest, err);
                case "match" -> match(rest, out, err);
                case "evaluate" -> evaluate(rest, out);
                default -> throw new Options.UsageException("unknown command '" + args[0] + "' (see --help)");
            }
            return 0;
        } catch (Options.UsageException | InvalidSchemaException e) {
            err.println("linkage: " + e.getMessage());
        } catch (InvalidInputException e) {
            err.println("linkage: invalid input: " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("linkage: file not found: " + e.getFile());
        } catch (IOException | UncheckedIOException e) {
            err.println("linkage: cannot read or write a file: " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            err.println("linkage: " + e.getMessage());
        }
        return 2;
    }

    private static void encode(String[] args, PrintStream err) throws IOException {
        Options options = Options.parse(args, Set.of("schema", "secret-file"), Set.of());
        List<String> files = options.positional(2, "encode --schema S --secret-file K IN.csv OUT.json");
        LinkageSchema schema = schema(options.require("schema"));
        byte[] secret = secret(Path.of(options.require("secret-file")));
        List<Clk> clks;
        try (Reader in = Files.newBufferedReader(Path.of(files.get(0)), StandardCharsets.UTF_8)) {
            clks = new ClkEncoder(schema, secret).encodeCsv(in);
        }
        ClkFiles.write(clks, Path.of(files.get(1)));
        err.println("linkage: encoded " + clks.size() + " records");
    }

    private static void match(String[] args, PrintStream out, PrintStream err) throws IOException {
        Options options = Options.parse(args, Set.of("threshold", "solver", "out", "threads", "blocking"), Set.of());
        List<String> files = options.positional(2, "match A.json B.json --threshold T");
        double threshold = options.number("threshold", LinkageSchema.CLINIC_THRESHOLD);
        if (threshold < 0 || threshold > 1) {
            throw new Options.UsageException("--threshold must be between 0 and 1");
        }
        String solver = options.get("solver", "greedy");
        if (!solver.equals("greedy") && !solver.equals("none")) {
            throw new Options.UsageException("--solver must be greedy or none");
        }
        List<Clk> a = ClkFiles.read(Path.of(files.get(0)));
        List<Clk> b = ClkFiles.read(Path.of(files.get(1)));
        if (!a.isEmpty() && !b.isEmpty() && a.get(0).bits() != b.get(0).bits()) {
            throw new Options.UsageException("the two files hold encodings of different lengths");
        }
        Matcher matcher = new Matcher(options.integer("threads", Runtime.getRuntime().availableProcessors()));
        List<Candidate> pairs;
        if (options.has("blocking")) {
            String[] spec = options.get("blocking", "").split("x");
            if (spec.length != 2) {
                throw new Options.UsageException("--blocking must look like 64x20 (bands x bits per band)");
            }
            pairs = matcher.blockedPairs(ClkSet.of(a), ClkSet.of(b), threshold, parse(spec[0]), parse(spec[1]));
        } else {
            pairs = matcher.allPairs(ClkSet.of(a), ClkSet.of(b), threshold);
        }
        if (solver.equals("greedy")) {
            pairs = Matcher.greedyOneToOne(pairs);
        }
        List<Candidate> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingInt(Candidate::indexA).thenComparingInt(Candidate::indexB));
        if (options.has("out")) {
            try (Writer writer = Files.newBufferedWriter(Path.of(options.get("out", "")), StandardCharsets.UTF_8)) {
                writePairs(sorted, writer);
            }
            err.println("linkage: " + sorted.size() + " pairs");
        } else {
            Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            writePairs(sorted, writer);
            writer.flush();
        }
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            throw new Options.UsageException("--blocking must look like 64x20 (bands x bits per band)");
        }
    }

    private static void writePairs(List<Candidate> pairs, Writer out) throws IOException {
        out.write("index_a,index_b,similarity\n");
        for (Candidate pair : pairs) {
            out.write(String.format(Locale.ROOT, "%d,%d,%.6f%n", pair.indexA(), pair.indexB(), pair.similarity()));
        }
    }

    private static void evaluate(String[] args, PrintStream out) throws IOException {
        Options options = Options.parse(args,
                Set.of("dataset", "data", "threshold", "range", "schema", "secret-file", "threads", "solver"),
                Set.of("normalise-names"));
        String dataset = options.get("dataset", "both");
        if (!Set.of("febrl", "translit", "both").contains(dataset)) {
            throw new Options.UsageException("--dataset must be febrl, translit or both");
        }
        Path data = dataDir(options.get("data", null));
        List<Double> thresholds = thresholds(options);
        byte[] secret = options.has("secret-file") ? secret(Path.of(options.get("secret-file", "")))
                : "ishenim evaluation secret".getBytes(StandardCharsets.UTF_8);
        int threads = options.integer("threads", Runtime.getRuntime().availableProcessors());
        String solver = options.get("solver", "none");
        if (!solver.equals("greedy") && !solver.equals("none")) {
            throw new Options.UsageException("--solver must be greedy or none");
        }
        boolean greedy = solver.equals("greedy");
        out.println("dataset," + Quality.header());
        if (!dataset.equals("translit")) {
            LinkageSchema schema = options.has("schema") ? schema(options.get("schema", ""))
                    : febrlSchema(data, options.has("normalise-names"));
            List<Quality> rows = new Evaluation(schema, secret, threads, greedy)
                    .febrl(data.resolve("febrl/dataset4a.csv"), data.resolve("febrl/dataset4b.csv"), thresholds);
            rows.forEach(q -> out.println("febrl4," + q.row()));
        }
        if (!dataset.equals("febrl")) {
            LinkageSchema schema = options.has("schema") ? schema(options.get("schema", "")) : LinkageSchema.clinic();
            List<Quality> rows = new Evaluation(schema, secret, threads, greedy).translit(
                    data.resolve("translit-dev/a.csv"), data.resolve("translit-dev/b.csv"), thresholds);
            rows.forEach(q -> out.println("translit-dev," + q.row()));
        }
    }

    /** The shared FEBRL schema, optionally with {@code "normalise": "name"} on given_name and surname. */
    static LinkageSchema febrlSchema(Path data, boolean normaliseNames) throws IOException {
        Path schemaFile = data.resolve("febrl_schema_v3_final.json"); // the repository's copies lie flat
        if (!Files.exists(schemaFile)) {
            schemaFile = data.resolve("clkhash-vectors/febrl_schema_v3_final.json");
        }
        String json = Files.readString(schemaFile);
        if (normaliseNames) {
            for (String name : List.of("given_name", "surname")) {
                json = json.replaceFirst("\"identifier\"\\s*:\\s*\"" + name + "\"\\s*,",
                        "\"identifier\": \"" + name + "\", \"normalise\": \"name\",");
            }
        }
        return LinkageSchema.parse(json);
    }

    private static List<Double> thresholds(Options options) {
        if (options.has("threshold")) {
            return List.of(options.number("threshold", 0));
        }
        String[] range = options.get("range", "0.70:0.95:0.05").split(":");
        if (range.length != 3) {
            throw new Options.UsageException("--range must look like 0.70:0.95:0.05");
        }
        try {
            double from = Double.parseDouble(range[0]);
            double to = Double.parseDouble(range[1]);
            double step = Double.parseDouble(range[2]);
            if (step <= 0 || from > to) {
                throw new Options.UsageException("--range needs FROM <= TO and a positive STEP");
            }
            List<Double> thresholds = new ArrayList<>();
            for (int i = 0; from + i * step <= to + 1e-9; i++) {
                thresholds.add(Math.round((from + i * step) * 1e6) / 1e6);
            }
            return thresholds;
        } catch (NumberFormatException e) {
            throw new Options.UsageException("--range must look like 0.70:0.95:0.05");
        }
    }

    static Path dataDir(String explicit) {
        if (explicit != null) {
            return Path.of(explicit);
        }
        Path copies = Path.of("src/test/resources/linkage");
        if (Files.isDirectory(copies)) {
            return copies;
        }
        throw new Options.UsageException("test data not found; run from the repository root or pass --data DIR");
    }

    private static LinkageSchema schema(String nameOrPath) throws IOException {
        if (LinkageSchema.CLINIC.equals(nameOrPath)) {
            return LinkageSchema.clinic();
        }
        return LinkageSchema.parse(Files.readString(Path.of(nameOrPath), StandardCharsets.UTF_8));
    }

    private static byte[] secret(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = bytes.length;
        while (length > 0 && (bytes[length - 1] == '\n' || bytes[length - 1] == '\r')) {
            length--;
        }
        if (length == 0) {
            throw new Options.UsageException("the secret file is empty");
        }
        return java.util.Arrays.copyOf(bytes, length);
    }
}
