package org.ishenim.linkage.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options, {@code --flag} switches and positional arguments. */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> switches;

    private Options(Set<String> switches) {
        this.switches = switches;
    }

    static Options parse(String[] args, Set<String> valued, Set<String> switches) {
        Options options = new Options(switches);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1), valued);
                } else if (switches.contains(name)) {
                    options.values.put(name, "true");
                } else if (valued.contains(name)) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    options.values.put(name, args[++i]);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                options.positional.add(arg);
            }
        }
        return options;
    }

    private void put(String name, String value, Set<String> valued) {
        if (!valued.contains(name)) {
            throw new UsageException("unknown option --" + name);
        }
        values.put(name, value);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    double number(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " must be a number");
        }
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " must be a whole number");
        }
    }

    List<String> positional(int expected, String usage) {
        if (positional.size() != expected) {
            throw new UsageException("expected " + expected + " file arguments: " + usage);
        }
        return positional;
    }

    /** A problem with the command line or its input: reported in one line, exit code 2. */
    static final class UsageException extends RuntimeException {

        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
