package vigil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The containers of a project on JADE, each in a JVM of its own, started by {@code vigil run} in the main
 * container's JVM as {@code vigil run PROJECT --jade-container NAME --jade-main HOST:PORT} with the same rules
 * and options: each JVM has its own monitor, which judges its own agents, and its own audit log and trace
 * beside the main one's ({@code audit-NAME.jsonl}). Their output is printed here, each line prefixed with
 * {@code [NAME]}, from one reader thread per JVM.
 */
final class JadeContainers {

    /** Set in a container's JVM that this class started: its standard input then says when to stop. */
    static final String SPAWNED = "VIGIL_JADE_SPAWNED";

    private record Child(String name, Process process, Thread relay) {
    }

    private final List<Child> children;

    private JadeContainers(List<Child> children) {
        this.children = children;
    }

    /** What a container's JVM is told besides its name and the main container's address. */
    record Launch(Path project, String host, int port, List<String> options, Path audit, Path trace) {
    }

    /** The command line that runs one container (printed for {@code --no-spawn}, run by {@link #spawn}). */
    static List<String> command(Launch l, String name) {
        List<String> cmd = new ArrayList<>(List.of("run", l.project().toString(), "--jade-container", name,
                "--jade-main", l.host() + ":" + l.port()));
        cmd.addAll(l.options());
        if (l.audit() != null) {
            cmd.addAll(List.of("--audit", beside(l.audit(), name).toString()));
        }
        if (l.trace() != null) {
            cmd.addAll(List.of("--trace", beside(l.trace(), name).toString()));
        }
        return cmd;
    }

    /** {@code dir/audit.jsonl} for container {@code c1}: {@code dir/audit-c1.jsonl}. */
    static Path beside(Path file, String name) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        String other = dot > 0 ? f.substring(0, dot) + "-" + name + f.substring(dot) : f + "-" + name;
        return file.resolveSibling(other);
    }

    /** Starts one JVM per container, with this JVM's Java, class path and Vigil's and SLF4J's settings. */
    static JadeContainers spawn(List<String> names, Launch launch, PrintStream out) {
        List<Child> started = new ArrayList<>();
        for (String name : names) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            System.getProperties().stringPropertyNames().stream().sorted()
                    .filter(k -> k.startsWith("vigil.") || k.startsWith("org.slf4j.") || k.equals("java.awt.headless"))
                    .forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(command(launch, name));
            Process p;
            try {
                ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
                b.environment().put(SPAWNED, "1");
                p = b.start();
            } catch (IOException e) {
                new JadeContainers(started).stop(Duration.ZERO);
                throw new IllegalStateException("cannot start the JVM of container " + name + ": " + e.getMessage(), e);
            }
            Thread relay = new Thread(() -> relay(name, p, out), "vigil-jade-" + name);
            relay.setDaemon(true);
            relay.start();
            started.add(new Child(name, p, relay));
        }
        return new JadeContainers(started);
    }

    private static void relay(String name, Process p, PrintStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (out) {
                    out.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // The JVM ended.
        }
    }

    /** Whether this JVM is a container's that {@link #spawn} started. */
    static boolean spawnedHere() {
        return "1".equals(System.getenv(SPAWNED));
    }

    /**
     * In a container's JVM that {@link #spawn} started: waits until the MAS stops itself, the main JVM says
     * stop (a line {@code stop} on standard input, or its end: the main JVM is gone), or the time is up; says which.
     */
    static String awaitStop(vigil.jacamo.run.MasSession run, Duration limit) throws InterruptedException {
        java.util.concurrent.CountDownLatch told = new java.util.concurrent.CountDownLatch(1);
        Thread listen = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null && !line.strip().equals("stop"); line = in.readLine()) {
                    // Nothing else is said on this line.
                }
            } catch (IOException e) {
                // The main JVM is gone: stop too.
            }
            told.countDown();
        }, "vigil-jade-main");
        listen.setDaemon(true);
        listen.start();
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (run.awaitStop(Duration.ofNanos(Math.max(0, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)))))) {
                return "the MAS stopped itself";
            }
            if (told.getCount() == 0) {
                return "the main container stopped";
            }
            if (left <= 0) {
                return "the duration ended";
            }
        }
    }

    /**
     * Tells each container's JVM to stop (a line on its standard input) and waits up to {@code timeout} for
     * them to end, then ends those still running; their last lines are printed before this returns.
     */
    void stop(Duration timeout) {
        for (Child c : children) {
            try {
                c.process().getOutputStream().write("stop\n".getBytes(StandardCharsets.UTF_8));
                c.process().getOutputStream().close();
            } catch (IOException e) {
                // Already ended.
            }
        }
        long end = System.nanoTime() + timeout.toNanos();
        for (Child c : children) {
            try {
                long left = Math.max(0, end - System.nanoTime());
                if (!c.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    c.process().destroy();
                    if (!c.process().waitFor(5, TimeUnit.SECONDS)) {
                        c.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                }
                c.relay().join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.process().destroyForcibly();
            }
        }
    }

    /** The exit status of each container's JVM, by name, once ended (-1 if still running). */
    List<String> statuses() {
        List<String> s = new ArrayList<>();
        for (Child c : children) {
            s.add(c.name() + " " + (c.process().isAlive() ? "running" : "exit " + c.process().exitValue()));
        }
        return s;
    }
}
