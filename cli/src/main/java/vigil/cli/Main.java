package vigil.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import vigil.jacamo.run.Logging;

/**
 * Vigil's command line, {@code vigil COMMAND [ARGS]}: the one dispatcher. The commands are found with
 * {@link ServiceLoader} ({@link Command}); the usage text is made from theirs and the table of exit codes
 * ({@link Exit}). {@link #run} returns the exit code, so that tests call it without ending their JVM.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.setUp();
        int status = run(args, System.out, System.err);
        System.out.flush();
        // Whatever a project's code left running, the command is over.
        System.exit(status);
    }

    /** Runs one command; returns its exit code ({@link Exit}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0) {
            err.print(usage(commands.values()));
            return Exit.USAGE.code;
        }
        String name = args[0];
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            if (args.length > 1 && commands.containsKey(args[1])) {
                out.print(usage(List.of(commands.get(args[1]))));
            } else {
                out.print(usage(commands.values()));
            }
            return Exit.OK.code;
        }
        Command command = commands.get(name);
        if (command == null) {
            err.println("vigil: unknown command '" + name + "' (known: " + String.join(", ", commands.keySet()) + ")");
            err.print(usage(commands.values()));
            return Exit.USAGE.code;
        }
        Args rest = new Args(Arrays.copyOfRange(args, 1, args.length));
        if (rest.asksForHelp()) {
            out.print(usage(List.of(command)));
            return Exit.OK.code;
        }
        try {
            rest.accept(command.options());
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("vigil " + name + ": " + e.getMessage());
            err.print(usage(List.of(command)));
            return Exit.USAGE.code;
        }
    }

    /**
     * Parses a command line as {@link #run} would, without running it: the command must exist and its options
     * be known and complete. Returns the parsed arguments; throws {@link UsageException} otherwise. The
     * documentation's command lines are checked with it.
     */
    public static Args parse(String... args) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || (!commands.containsKey(args[0]) && !args[0].equals("help"))) {
            throw new UsageException("unknown command '" + (args.length == 0 ? "" : args[0]) + "'");
        }
        Args rest = new Args(Arrays.copyOfRange(args, 1, args.length));
        return args[0].equals("help") ? rest : rest.accept(commands.get(args[0]).options());
    }

    /** Every command on the class path, by name; two with the same name are a packaging error. */
    static Map<String, Command> commands() {
        List<Command> found = new ArrayList<>();
        ServiceLoader.load(Command.class, Main.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparingInt(Command::order).thenComparing(Command::name));
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : found) {
            Command before = byName.putIfAbsent(c.name(), c);
            if (before != null && before.getClass() != c.getClass()) {
                throw new IllegalStateException("two commands are named '" + c.name() + "': " + before.getClass().getName()
                        + " and " + c.getClass().getName());
            }
        }
        return byName;
    }

    /** The one usage text, of every command on the class path. */
    public static String usage() {
        return usage(commands().values());
    }

    /** The one usage text: the commands given (all, or the one asked about), then the exit codes. */
    static String usage(java.util.Collection<Command> commands) {
        StringBuilder sb = new StringBuilder();
        if (commands.size() == 1) {
            sb.append("usage: vigil ").append(commands.iterator().next().usage().strip()).append("\n\n");
        } else {
            sb.append("usage: vigil COMMAND [ARGS]    (vigil COMMAND --help shows one command)\n\ncommands:\n");
            for (Command c : commands) {
                sb.append("  ").append(c.usage().strip().replace("\n", "\n  ")).append('\n');
            }
            sb.append("  help [COMMAND]\n      shows this text, or one command's part of it\n\n");
        }
        return sb.append(Exit.table()).toString();
    }
}
