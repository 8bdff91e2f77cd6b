package vigil.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of Vigil's command line ({@code ./vigil NAME ARGS...}). Commands are found with
 * {@link java.util.ServiceLoader}: a module adds one by listing its class in
 * {@code META-INF/services/vigil.cli.Command}, as the built-in commands and those of the samples do. The
 * dispatcher ({@link Main}) calls {@link #run} on the main thread, once per process.
 */
public interface Command {

    /** The word that names the command on the command line. */
    String name();

    /**
     * The command's part of the one usage text: a synopsis line without the leading {@code vigil } (e.g.
     * {@code "check RULES... [--config FILE]"}), then lines saying what it does, each indented by four spaces.
     */
    String usage();

    /**
     * The options the command takes: {@code "--config="} takes a value, {@code "--list"} is a flag. The
     * dispatcher parses the arguments with them before {@link #run}, so an unknown option or a missing value is
     * a usage error before the command does anything.
     */
    default List<String> options() {
        return List.of();
    }

    /** Where the command is listed in the usage text, lowest first; ties go by name. */
    default int order() {
        return 100;
    }

    /**
     * Runs the command with the arguments that follow its name, already parsed with {@link #options}, and returns an exit code of the one table,
     * {@link Exit}. A usage error (an unknown option, a missing argument) is thrown as a
     * {@link UsageException}: the dispatcher prints it with the command's usage and exits with
     * {@link Exit#USAGE}.
     */
    int run(Args args, PrintStream out, PrintStream err);
}
