package vigil.jacamo.run;

import jason.JasonException;
import jason.architecture.AgArch;
import jason.asSemantics.Agent;
import jason.infra.local.LocalAgArch;
import jason.infra.local.RunLocalMAS;
import jason.mas2j.AgentParameters;
import jason.mas2j.ClassParameters;
import jason.mas2j.MAS2JProject;
import jason.runtime.RuntimeServicesFactory;
import jason.util.Config;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import vigil.jacamo.MonitoredArch;

/**
 * One Jason project run headless, in this JVM, normally with {@link MonitoredArch} first in every agent's
 * architecture (agents created later with {@code .create_agent} get it too). No GUI, no RMI, no web mind
 * inspector, and the project's {@code .stopMAS} stops the MAS but not the JVM. {@link #close()} stops the
 * agents and the threads Jason leaves behind. Jason keeps static state: one run per JVM at a time.
 */
public final class JasonRun implements RunningMas {

    private final Headless mas;
    private final List<String> agents;

    private JasonRun(Headless mas, List<String> agents) {
        this.mas = mas;
        this.agents = agents;
    }

    /**
     * Parses the project and checks that every agent's source exists, without starting anything, so that a
     * caller can refuse a bad project before it does costlier work (compiling rules). Throws
     * {@link ProjectException} as {@link #start} does.
     */
    public static void check(Path projectFile) {
        JasonProject.load(projectFile);
    }

    /**
     * The containers a project on JADE ({@code infrastructure: Jade}) puts agents in ({@code at "NAME"}),
     * sorted, or null when the project runs on Jason's local infrastructure. Throws {@link ProjectException}
     * as {@link #check} does.
     */
    public static List<String> jadeContainers(Path projectFile) {
        MAS2JProject project = JasonProject.load(projectFile);
        return project.isJade() ? JadeRun.containers(project) : null;
    }

    /**
     * Parses the project, checks that every agent's source exists, and starts the agents. With
     * {@code monitorEveryAgent}, {@link MonitoredArch} is put first in every agent's architecture (and in
     * those of agents created later); without, the project's own declarations are used as they are.
     * Throws {@link ProjectException} with a message in the user's terms ({@code file:line: problem}).
     */
    public static JasonRun start(Path projectFile, boolean monitorEveryAgent) {
        return start(projectFile, monitorEveryAgent, Set.of());
    }

    /**
     * As {@link #start(Path, boolean)}, with {@code only} (when not empty) naming the agents that get
     * {@link MonitoredArch}: agents declared under another name, or created later, are not monitored.
     */
    public static JasonRun start(Path projectFile, Set<String> only) {
        return start(projectFile, only.isEmpty(), only);
    }

    private static JasonRun start(Path projectFile, boolean monitorEveryAgent, Set<String> only) {
        MAS2JProject project = JasonProject.load(projectFile);
        if (project.isJade()) {
            throw new ProjectException(projectFile + ": infrastructure " + project.getInfrastructure()
                    + ": a project on JADE runs with JadeRun (vigil run), not on Jason's local infrastructure");
        }
        Config.get().put(Config.START_WEB_MI, "false");
        Headless mas = new Headless();
        mas.setProject(project);
        String arch = MonitoredArch.class.getName();
        if (!only.isEmpty()) {
            Set<String> declared = new TreeSet<>();
            for (AgentParameters ap : project.getAgents()) {
                declared.add(ap.name);
            }
            Set<String> unknown = new TreeSet<>(only);
            unknown.removeAll(declared);
            if (!unknown.isEmpty()) {
                throw new ProjectException("--monitor: " + projectFile + " declares no agent " + String.join(", ", unknown)
                        + " (its agents: " + String.join(", ", declared) + ")");
            }
            for (AgentParameters ap : project.getAgents()) {
                if (only.contains(ap.name) && !ap.getAgArchClasses().contains(arch)) {
                    ap.insertArchClass(new ClassParameters(arch));
                }
            }
        }
        if (monitorEveryAgent) {
            for (AgentParameters ap : project.getAgents()) {
                // Jason creates the 2nd to Nth instances of an agent by cloning the first (no parsing) only
                // when they have no architecture of their own: those get Vigil's after creation instead.
                if (ap.getNbInstances() > 1 && ap.getAgArchClasses().isEmpty()) {
                    continue;
                }
                if (!ap.getAgArchClasses().contains(arch)) {
                    ap.insertArchClass(new ClassParameters(arch));
                }
            }
        }
        int expected = 0;
        for (AgentParameters ap : project.getAgents()) {
            expected += Math.max(1, ap.getNbInstances());
        }
        List<String> errors;
        try (SevereRecords severe = SevereRecords.capture()) {
            try {
                mas.create();
            } catch (JasonException | RuntimeException | LinkageError e) {
                severe.add(e instanceof LinkageError ? Display.describe(e) : e.getMessage());
            } catch (jason.asSyntax.parser.TokenMgrError e) {
                // The sources were lexed at load; this one came from elsewhere (a file included in a way not followed there).
                severe.add("an agent's source, or a file it includes, does not read as AgentSpeak: " + Display.describe(e));
            }
            errors = severe.messages();
        }
        if (!errors.isEmpty() || mas.getNbAgents() < expected) {
            List<String> names = new ArrayList<>(mas.getAgs().keySet());
            mas.finish(0, false, 0);
            mas.awaitFinished(Duration.ofSeconds(10));
            cleanUp();
            throw new ProjectException(projectFile + ": the MAS could not be created" + (names.size() < expected
                    ? " (" + names.size() + " of " + expected + " agents created)" : "") + ":"
                    + System.lineSeparator() + JasonProject.explain(errors) + Display.hint(String.join(" ", errors)));
        }
        if (monitorEveryAgent) {
            monitorTheRest(mas, projectFile);
            // Registered after the agents of the project are created: Jason clones instances only of agents
            // with no architecture of their own, and a default one counts as their own.
            try {
                RuntimeServicesFactory.get().registerDefaultAgArch(arch);
            } catch (Exception e) {
                throw new ProjectException("cannot register Vigil's architecture with Jason: " + e);
            }
        }
        List<String> names = new ArrayList<>(mas.getAgs().keySet());
        names.sort(null);
        mas.start();
        return new JasonRun(mas, names);
    }

    /** The agents created at start, sorted. */
    public List<String> agents() {
        return agents;
    }

    /** Waits until the MAS stops itself ({@code .stopMAS}) or the timeout ends; true if it stopped itself. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return mas.stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit value the project asked for with {@code .stopMAS(Deadline, Value)}, 0 if none. */
    public int exitValue() {
        return mas.exitValue;
    }

    /** Stops the agents (if still running), waits for their threads, and shuts down what Jason leaves running. */
    @Override
    public void close() {
        mas.finish(0, false, 0);
        mas.awaitFinished(Duration.ofSeconds(20));
        for (LocalAgArch a : mas.created()) {
            Thread t = a.getThread();
            if (t != null) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        shutdownPools(mas);
        cleanUp();
    }

    /**
     * Jason 3.2.1's shared scheduler (for .wait, .at, ask time-outs) runs non-daemon threads it never stops;
     * shut it down and forget it so that the JVM can exit and a next run gets a fresh one.
     */
    static void cleanUp() {
        try {
            Field f = Agent.class.getDeclaredField("scheduler");
            f.setAccessible(true);
            synchronized (Agent.class) {
                Object s = f.get(null);
                if (s instanceof ExecutorService es) {
                    es.shutdownNow();
                    es.awaitTermination(5, TimeUnit.SECONDS);
                }
                f.set(null, null);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Logger.getLogger(JasonRun.class.getName()).warning("could not stop Jason's scheduler: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Puts {@link MonitoredArch} first in every created agent that has not got it, as Jason puts an agent's
     * own architectures (set the transition system, insert, init), before any agent runs.
     */
    private static void monitorTheRest(Headless mas, Path projectFile) {
        for (LocalAgArch infra : mas.created()) {
            AgArch a = infra.getTS().getAgArch();
            boolean monitored = false;
            for (AgArch x = a; x != null; x = x.getNextAgArch()) {
                monitored |= x instanceof MonitoredArch;
            }
            if (monitored) {
                continue;
            }
            MonitoredArch m = new MonitoredArch();
            m.setTS(infra.getTS());
            infra.insertAgArch(m);
            try {
                m.init();
            } catch (Exception e) {
                throw new ProjectException(projectFile + ": cannot monitor agent " + infra.getAgName() + ": " + e);
            }
        }
    }

    /** Jason's local runner without its console, RMI, MBean and JVM exit. */
    static final class Headless extends RunLocalMAS {
        final CountDownLatch stopRequested = new CountDownLatch(1);
        volatile int exitValue;
        private volatile boolean finishing;

        @Override
        public void setupLogger() {
            // Vigil's launcher owns logging: Jason's console handler would need a display.
        }

        @Override
        public synchronized void setupLogger(String conf) {
        }

        @Override
        public void finish(int deadline, boolean stopJVM, int value) {
            // .stopMAS asks to stop the JVM too: here it only stops the MAS; the launcher decides about the JVM.
            if (!finishing) {
                exitValue = value;
            }
            finishing = true;
            stopRequested.countDown();
            super.finish(deadline, false, value);
        }

        List<LocalAgArch> created() {
            return new ArrayList<>(createdAgents);
        }

        void awaitFinished(Duration timeout) {
            long end = System.nanoTime() + timeout.toNanos();
            while ((isRunningFinish.get() || getNbAgents() > 0) && System.nanoTime() < end) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

    }

    /** The thread pools of the pool infrastructures are private and never shut down by Jason. */
    static void shutdownPools(RunLocalMAS mas) {
        for (Field f : RunLocalMAS.class.getDeclaredFields()) {
            if (ExecutorService.class.isAssignableFrom(f.getType()) && !Modifier.isStatic(f.getModifiers())) {
                try {
                    f.setAccessible(true);
                    Object e = f.get(mas);
                    if (e instanceof ExecutorService es) {
                        es.shutdownNow();
                    }
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // Not a pool we can reach: the launcher's exit ends it.
                }
            }
        }
    }

    /** Reads a project file's text (for line numbers in messages). */
    static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot read: " + e.getMessage());
        }
    }
}
