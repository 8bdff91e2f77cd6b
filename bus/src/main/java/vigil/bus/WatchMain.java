package vigil.bus;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import vigil.core.ConfigException;
import vigil.core.RuleCompilationException;

/**
 * {@code ./vigil watch --bus kafka://HOST:PORT [--config FILE] [--audit FILE] [--lateness 2s] [--group NAME]
 * [--partitions 6] [--silence 5s] [--status FILE] [--duration D]}: the watch service, in a process of its own.
 * Stops on SIGTERM or Ctrl-C (judging what waits and committing first), or after {@code --duration}.
 */
public final class WatchMain {

    static final String USAGE = """
            usage: vigil watch --bus kafka://HOST:PORT[,HOST:PORT...] [options]
              --config FILE      the configuration (rules, params, escalation, audit, ...); embedded defaults without
              --audit FILE       the audit log (default: the configuration's, vigil-out/audit.jsonl)
              --lateness D       how long to wait for events from slower JVMs before judging in time order (2s)
              --group NAME       the consumer group; one per watch service of a society (vigil-watch)
              --instance NAME    this service's name in its group, kept across restarts (GROUP-HOSTNAME)
              --partitions N     partitions of the two topics when this creates them (6)
              --silence D        a JVM silent this long is recorded as gone (5s)
              --status FILE      a JSON file rewritten after each commit with the counts
              --duration D       stop after this long (default: run until stopped)""";

    private WatchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the service until it is stopped; returns the exit code (0; 2 for a usage error; 3 for a bad configuration, rules that do not compile or a bus that cannot be reached). */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        String bus = null;
        Path config = null;
        Path audit = null;
        Path status = null;
        Duration lateness = Duration.ofSeconds(2);
        Duration silence = Duration.ofSeconds(5);
        Duration duration = null;
        String group = "vigil-watch";
        String instance = null;
        int partitions = 6;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--bus" -> bus = value(args, ++i, a);
                    case "--config" -> config = Path.of(value(args, ++i, a));
                    case "--audit" -> audit = Path.of(value(args, ++i, a));
                    case "--status" -> status = Path.of(value(args, ++i, a));
                    case "--lateness" -> lateness = duration(args, ++i, a);
                    case "--silence" -> silence = duration(args, ++i, a);
                    case "--duration" -> duration = duration(args, ++i, a);
                    case "--group" -> group = value(args, ++i, a);
                    case "--instance" -> instance = value(args, ++i, a);
                    case "--partitions" -> {
                        String v = value(args, ++i, a);
                        try {
                            partitions = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new ConfigException("--partitions: expected a whole number, got '" + v + "'");
                        }
                    }
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new ConfigException("unknown option '" + a + "'");
                }
            }
            if (bus == null) {
                throw new ConfigException("--bus is required (e.g. --bus kafka://127.0.0.1:9092)");
            }
        } catch (ConfigException e) {
            err.println("vigil watch: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        WatchService service;
        try {
            service = new WatchService(new WatchService.Options(bus, config, audit, lateness, group,
                    instance != null ? instance : group + "-" + host().replaceAll("[^A-Za-z0-9._-]", "_"), partitions, silence, status));
        } catch (ConfigException | RuleCompilationException | IllegalStateException e) {
            // A bad configuration, rules that do not compile, a bus that cannot be reached: bad input (3).
            err.println("vigil watch: " + e.getMessage());
            return 3;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.stop();
            try {
                finished.await(60, TimeUnit.SECONDS); // judge what waits and commit before the JVM goes
            } catch (InterruptedException ignored) {
                // Exiting anyway.
            }
        }, "vigil-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            service.run(duration);
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println("vigil watch: the bus refused: " + e.getMessage());
            return 3;
        } finally {
            service.close();
            out.println(service.summary());
            out.flush();
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down (SIGTERM): the hook has what it waited for.
        }
        return 0;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new ConfigException(option + " needs a value");
        }
        return args[i];
    }

    private static Duration duration(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(v);
            if (!m.matches()) {
                throw new IllegalArgumentException("expected a duration such as 500ms, 2s, 5m, 1h, got '" + v + "'");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option + ": " + e.getMessage());
        }
    }

}
