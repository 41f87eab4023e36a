package org.ishenim.web;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * A command of the jar that needs the database, such as {@code admin create} or {@code audit verify}. The
 * jar starts without a web server, runs the command whose {@link #name()} matches its first two arguments,
 * and exits with the returned code.
 */
public interface CliCommand {

    /** Two words, for example {@code "audit verify"}. */
    String name();

    int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
