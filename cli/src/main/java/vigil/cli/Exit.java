package vigil.cli;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one table of exit codes every command uses; {@code ./vigil help} prints it and the README copies it.
 * {@code run} may also end with the exit value the project gave to {@code .stopMAS}.
 */
public enum Exit {

    OK(0, "done; nothing found (check: the rules compile; audit: no violation; verify: the chain is intact)"),
    FOUND(1, "the command found what it looks for: errors in the rules (check), violations (audit),\n"
            + "a broken chain (verify)"),
    USAGE(2, "usage error: an unknown command or option, a missing or malformed argument (the usage is printed)"),
    BAD_INPUT(3, "an input cannot be used: a missing or unreadable file, a bad configuration,\n"
            + "rules that do not compile (run, audit), a page that cannot be written (report)"),
    BAD_PROJECT(4, "run: the project cannot start (a missing or unparsable project file or agent source)"),
    UNFINISHED(5, "verify: the audit log stops mid-way (its writer was killed); every complete record is intact");

    public final int code;
    private final String meaning;

    Exit(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** What the code means, on one line. */
    public String meaning() {
        return meaning.replace("\n", " ");
    }

    /** The table as the usage text prints it. */
    static String table() {
        return "exit codes:\n" + Stream.of(values()).map(e -> "  " + e.code + "  " + e.meaning.replace("\n", "\n     ")).collect(Collectors.joining("\n"))
                + "\n  run also ends with the exit value a project gives to .stopMAS\n";
    }
}
