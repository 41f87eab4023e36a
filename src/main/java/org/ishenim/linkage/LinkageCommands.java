package org.ishenim.linkage;

import org.ishenim.linkage.cli.LinkageCommand;

/** The module's entry point for {@code java -jar ishenim.jar linkage ...}: encode, match, evaluate. */
public final class LinkageCommands {

    private LinkageCommands() {
    }

    /** Runs a linkage command and returns its exit code. */
    public static int run(String[] args) {
        return LinkageCommand.run(args);
    }
}
