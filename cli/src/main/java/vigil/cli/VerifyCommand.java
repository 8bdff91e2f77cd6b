package vigil.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import vigil.core.AuditTrail;

/** {@code verify AUDIT.jsonl [--key KEY]}: checks the audit log's chain and prints the verifier's report. */
public final class VerifyCommand implements Command {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String usage() {
        return """
                verify AUDIT.jsonl [--key KEY]
                    checks an audit log's hash chain (with the audit.key of the configuration when one sealed it)
                """;
    }

    @Override
    public List<String> options() {
        return List.of("--key=");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        Path file = Path.of(args.single("give the audit log to check (vigil-out/audit.jsonl by default)"));
        byte[] key = args.value("--key") == null ? null : args.value("--key").getBytes(StandardCharsets.UTF_8);
        AuditTrail.Report report;
        try {
            report = AuditTrail.verify(file, key);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such audit log");
            return Exit.BAD_INPUT.code;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return Exit.BAD_INPUT.code;
        }
        (report.status() == AuditTrail.Status.INTACT ? out : err).println(report.describe());
        return switch (report.status()) {
            case INTACT -> Exit.OK.code;
            case BROKEN -> Exit.FOUND.code;
            case UNFINISHED -> Exit.UNFINISHED.code;
        };
    }
}
