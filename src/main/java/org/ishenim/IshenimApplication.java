package org.ishenim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ishenim.web.CliCommand;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Ishenim: the clinic server, the hub, and the commands of the same jar
 * ({@code admin create}, {@code audit verify}, {@code linkage ...}).
 */
@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = "web")
public class IshenimApplication {

    private static final Set<String> DATABASE_COMMANDS = Set.of("admin", "audit");

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && "keys".equals(args[0]) && "generate".equals(args[1])) {
            System.out.println(org.ishenim.web.MasterKey.generateJson());
            return;
        }
        if (args.length > 0 && "linkage".equals(args[0])) {
            System.exit(org.ishenim.linkage.LinkageCommands.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length >= 2 && DATABASE_COMMANDS.contains(args[0])) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(IshenimApplication.class, args);
    }

    /** Starts the application without a web server, runs one {@link CliCommand} and returns its exit code. */
    static int runCommand(String[] args) {
        String name = args[0] + " " + args[1];
        List<String> rest = Arrays.asList(args).subList(2, args.length);
        List<String> springArgs = new ArrayList<>();
        for (String a : rest) {
            if (a.startsWith("--spring.") || a.startsWith("--ishenim.") || a.startsWith("--logging.")) {
                springArgs.add(a);
            }
        }
        var app = new SpringApplication(IshenimApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        // a command that cannot start says why in one line (below), not with Spring's and the pool's stack traces
        app.setDefaultProperties(Map.of("ishenim.cli", "true", "logging.level.root", "WARN",
                "spring.main.log-startup-info", "false", "logging.level.org.springframework.boot.SpringApplication", "OFF",
                "logging.level.com.zaxxer.hikari", "OFF",
                "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR"));
        ConfigurableApplicationContext context;
        try {
            context = app.run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Exit 2 means "could not run" (database unreachable, no key...), never "the audit chain is broken" (1).
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("Could not start: " + root.getMessage());
            if (root.getClass().getName().startsWith("org.h2.") && String.valueOf(root.getMessage()).contains("locked")) {
                System.err.println("The server is using this H2 database: stop it first." + (name.startsWith("audit ")
                        ? " Or check the audit chain while it runs with GET /api/v1/audit/verify as an auditor"
                                + " (or the Audit page)." : ""));
            }
            return 2;
        }
        try (context) {
            for (CliCommand command : context.getBeansOfType(CliCommand.class).values()) {
                if (command.name().equals(name)) {
                    try {
                        return command.run(rest, System.in, System.out, System.err);
                    } catch (RuntimeException e) {
                        // 2 = could not run (never 1, which "audit verify" keeps for a broken chain). Class only:
                        // a message could carry data.
                        System.err.println("Could not run " + name + ": " + e.getClass().getSimpleName());
                        return 2;
                    }
                }
            }
            System.err.println("Unknown command: " + name);
            return 2;
        }
    }
}
