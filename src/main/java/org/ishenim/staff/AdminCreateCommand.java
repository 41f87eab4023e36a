package org.ishenim.staff;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ishenim.web.CliCommand;
import org.ishenim.web.ProblemException;
import org.ishenim.web.Roles;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ishenim.jar admin create --username NAME}: creates an administrator. The password is
 * read from standard input (the first line), so it never appears in the shell history or the process list.
 */
@Component
class AdminCreateCommand implements CliCommand {

    private final StaffAccounts accounts;

    AdminCreateCommand(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "admin create";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        int at = args.indexOf("--username");
        if (at < 0 || at + 1 >= args.size()) {
            err.println("usage: java -jar ishenim.jar admin create --username NAME   (password on standard input)");
            return 2;
        }
        String username = args.get(at + 1);
        try {
            if (System.console() != null && in == System.in) {
                out.print("Password for " + username + ": ");
                out.flush();
            }
            String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (password == null) {
                err.println("No password on standard input.");
                return 2;
            }
            accounts.create(username, Roles.ADMIN, password.strip(), false);
            out.println("Administrator " + username + " created.");
            return 0;
        } catch (IllegalArgumentException | ProblemException e) {
            err.println(e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            err.println("Could not read the password: " + e.getMessage());
            return 2;
        }
    }
}
