package org.ishenim.audit;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import org.ishenim.web.CliCommand;
import org.springframework.stereotype.Component;

/** {@code java -jar ishenim.jar audit verify}: exit 0 when the chain is intact, 1 when not. */
@Component
class AuditVerifyCommand implements CliCommand {

    private final AuditLog audit;

    AuditVerifyCommand(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        AuditVerification v = audit.verify();
        out.println("valid: " + v.valid());
        out.println("entries: " + v.entries());
        out.println("head: " + v.headHash());
        if (!v.valid()) {
            out.println("first bad sequence number: " + v.firstBadSeq());
            out.println("reason: " + v.reason());
        }
        return v.valid() ? 0 : 1;
    }
}
