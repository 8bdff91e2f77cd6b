package vigil.jacamo.run;

import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.jacamo.MasMonitor.Traffic;

/**
 * One project run in its own {@link MasClassLoader}: {@link #open} builds the project (its Java compiled as
 * Jason's build does) and makes the loader; the methods then act on the MAS inside it. Only JDK and Vigil core
 * types cross, so the command that drives a run never sees the project's or the platform's classes. One
 * session at a time per JVM (the platforms keep static state); {@link #close()} stops what is left and
 * deletes the compiled classes.
 */
public interface MasSession extends AutoCloseable {

    /**
     * Builds the project and prepares its class loader. {@code platform} are extra jars for the MAS (JaCaMo's,
     * or another Jason): they come before the Jason Vigil runs with. Throws {@link ProjectException} when the
     * project's Java does not compile ({@code File.java:LINE: message}) or a folder cannot be read.
     */
    static MasSession open(Path projectFile, List<Path> platform) {
        List<Path> jars = new ArrayList<>(platform);
        Path jason = codeSource("jason/asSemantics/Agent.class");
        boolean ownJason = platform.stream().anyMatch(p -> p.getFileName().toString().startsWith("jason"));
        if (!ownJason) {
            jars.add(jason);
        }
        Path vigil = codeSource("vigil/jacamo/MonitoredArch.class");
        jars.add(vigil);
        ProjectBuild build = ProjectBuild.of(projectFile, jars, List.of());
        List<URL> urls = new ArrayList<>(build.urls());
        urls.addAll(ProjectBuild.toUrls(jars));
        MasClassLoader loader = new MasClassLoader(urls, MasSession.class.getClassLoader());
        try {
            Class<?> host = Class.forName("vigil.jacamo.run.MasHost", true, loader);
            var make = host.getDeclaredConstructor(Path.class, ProjectBuild.class, MasClassLoader.class);
            make.setAccessible(true);
            return (MasSession) make.newInstance(projectFile, build, loader);
        } catch (InvocationTargetException e) {
            build.close();
            throw new ProjectException(projectFile + ": the MAS cannot be prepared: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            build.close();
            throw new ProjectException(projectFile + ": the MAS cannot be prepared: " + e);
        }
    }

    /** Installs the MAS's shared monitor (before {@link #start}); see {@code MasMonitor.install}. */
    Monitor install(Vigil.Builder builder);

    /** Starts the MAS, normally with Vigil's architecture first in every agent; {@link ProjectException} if it cannot. */
    void start(boolean monitorEveryAgent);

    /** The agents created at start, sorted. */
    List<String> agents();

    /** Waits until the MAS stops itself or the timeout ends; true if it stopped itself. */
    boolean awaitStop(Duration timeout) throws InterruptedException;

    /** The exit value the project asked for when it stopped itself, 0 if none. */
    int exitValue();

    /** Stops the agents (if still running) and what the platform leaves running. */
    void stop();

    /** What the monitored agents sent and did. */
    Traffic traffic();

    /** Closes the shared monitor (its audit log is sealed). */
    void shutdownMonitor();

    /** Stops what is left, closes the monitor and the loader, deletes the compiled classes. */
    @Override
    void close();

    /** Where a class of the parent's class path comes from (a jar or a classes folder). */
    private static Path codeSource(String resource) {
        URL u = MasSession.class.getClassLoader().getResource(resource);
        if (u == null) {
            throw new ProjectException("cannot find " + resource + " on Vigil's class path");
        }
        try {
            String s = u.toString();
            if (s.startsWith("jar:")) {
                return Path.of(new java.net.URI(s.substring(4, s.indexOf("!/"))));
            }
            Path p = Path.of(u.toURI());
            for (int i = resource.split("/").length; i > 0; i--) {
                p = p.getParent();
            }
            return p;
        } catch (URISyntaxException e) {
            throw new ProjectException("cannot read the location of " + resource + ": " + u);
        }
    }
}
