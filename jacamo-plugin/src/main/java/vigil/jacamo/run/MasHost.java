package vigil.jacamo.run;

import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.jacamo.MasMonitor;
import vigil.jacamo.MasMonitor.Traffic;

/** The MAS side of a {@link MasSession}: defined by the session's {@link MasClassLoader}, with its Jason. */
final class MasHost implements MasSession {

    private final Path project;
    private final ProjectBuild build;
    private final MasClassLoader loader;
    private RunningMas run;
    private JadeRun.Place jade;
    private boolean stopped;
    private boolean closed;

    MasHost(Path project, ProjectBuild build, MasClassLoader loader) {
        this.project = project;
        this.build = build;
        this.loader = loader;
    }

    @Override
    public void jade(String container, String host, int port) {
        jade = new JadeRun.Place(container, host, port);
    }

    @Override
    public Monitor install(Vigil.Builder builder) {
        return inMas(() -> MasMonitor.install(builder));
    }

    @Override
    public void start(boolean monitorEveryAgent) {
        if (!monitorEveryAgent && project.toString().endsWith(".jcm")) {
            throw new ProjectException(project + ": a JaCaMo application runs with some agents monitored: name them");
        }
        start(monitorEveryAgent ? Set.of() : null);
    }

    @Override
    public void start(Set<String> monitored) {
        run = inMas(() -> {
            if (!project.toString().endsWith(".jcm")) {
                if (JasonRun.jadeContainers(project) != null) {
                    JadeRun.Place place = jade != null ? jade : new JadeRun.Place(null, "127.0.0.1", Ports.free("127.0.0.1"));
                    return JadeRun.start(project, monitored, place);
                }
                return monitored == null ? JasonRun.start(project, false) : JasonRun.start(project, monitored);
            }
            try {
                Class<?> jcm = Class.forName("vigil.jacamo.run.JcmRun", true, loader);
                return (RunningMas) jcm.getMethod("start", Path.class, Set.class).invoke(null, project, monitored);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new ProjectException(project + ": the application cannot start: " + Display.describe(e.getCause()));
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new ProjectException(project + ": the application cannot start: " + Display.describe(e));
            }
        });
    }

    @Override
    public List<String> agents() {
        return run == null ? List.of() : run.agents();
    }

    @Override
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return run.awaitStop(timeout);
    }

    @Override
    public int exitValue() {
        return run == null ? 0 : run.exitValue();
    }

    @Override
    public void stop() {
        if (run != null && !stopped) {
            stopped = true;
            RunningMas r = run;
            inMas(() -> {
                r.close();
                return null;
            });
        }
    }

    @Override
    public Traffic traffic() {
        return MasMonitor.traffic();
    }

    @Override
    public void shutdownMonitor() {
        MasMonitor.shutdown();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        MasMonitor.shutdown();
        build.close();
        try {
            loader.close();
        } catch (java.io.IOException e) {
            // The jars stay open until the JVM ends.
        }
    }

    /** Runs with the MAS's loader as the context class loader: the agents' threads inherit it. */
    private <T> T inMas(java.util.function.Supplier<T> action) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
