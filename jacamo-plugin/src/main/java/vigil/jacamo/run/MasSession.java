package vigil.jacamo.run;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
     * Builds the project ({@code .mas2j}, or {@code .jcm} with JaCaMo's jars from {@code jacamoHome}, see
     * {@link JaCaMoHome}) and prepares its class loader. Throws {@link ProjectException} when the project's Java
     * does not compile ({@code File.java:LINE: message}), JaCaMo is missing, or a folder cannot be read.
     */
    static MasSession open(Path projectFile, Path jacamoHome) {
        if (!Files.isRegularFile(projectFile)) {
            throw new ProjectException(projectFile + ": no such project file");
        }
        boolean jcm = projectFile.getFileName().toString().endsWith(".jcm");
        List<Path> platform = jcm ? JaCaMoHome.jars(projectFile, jacamoHome) : List.of();
        List<Path> jars = new ArrayList<>(platform);
        Path jason = codeSource("jason/asSemantics/Agent.class");
        boolean ownJason = platform.stream().anyMatch(p -> p.getFileName().toString().startsWith("jason"));
        if (!ownJason) {
            jars.add(jason);
        }
        // JADE in the MAS's loader too, so that the agents JADE creates by class name are the MAS's (infrastructure: Jade).
        if (!ownJason && MasSession.class.getClassLoader().getResource("jade/core/Agent.class") != null) {
            jars.add(codeSource("jade/core/Agent.class"));
        }
        Path vigil = codeSource("vigil/jacamo/MonitoredArch.class");
        jars.add(vigil);
        ProjectBuild build;
        if (jcm) {
            // JaCaMo's launcher is compiled here, against the user's JaCaMo: Vigil's build needs no JaCaMo jar.
            Path src = launcherSource("JcmRun");
            try {
                build = ProjectBuild.of(projectFile, jars, List.of(src));
            } finally {
                ProjectBuild.delete(src.getParent().getParent().getParent().getParent());
            }
        } else {
            build = ProjectBuild.of(projectFile, jars, List.of());
        }
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

    /** Copies one of Vigil's launchers (a source kept as a resource) to a fresh folder, as {@code vigil/jacamo/run/NAME.java}. */
    private static Path launcherSource(String name) {
        try (InputStream in = MasSession.class.getResourceAsStream(name + ".java.txt")) {
            if (in == null) {
                throw new ProjectException("Vigil's " + name + " launcher is missing from its jar");
            }
            Path dir = Files.createTempDirectory("vigil-launcher-").resolve("vigil/jacamo/run");
            Files.createDirectories(dir);
            Path src = dir.resolve(name + ".java");
            Files.write(src, in.readAllBytes());
            return src;
        } catch (IOException e) {
            throw new ProjectException("cannot write Vigil's " + name + " launcher: " + e.getMessage());
        }
    }

    /**
     * For a project on JADE ({@code infrastructure: Jade}): this JVM runs the main container, listening on
     * {@code host:port} ({@code container} null), or the container of that name, joining the main container at
     * {@code host:port}. Call before {@link #start}; without it a project on JADE runs its main container on
     * 127.0.0.1 and a free port. Ignored for other projects.
     */
    void jade(String container, String host, int port);

    /** Installs the MAS's shared monitor (before {@link #start}); see {@code MasMonitor.install}. */
    Monitor install(Vigil.Builder builder);

    /** Starts the MAS, normally with Vigil's architecture first in every agent; {@link ProjectException} if it cannot. */
    void start(boolean monitorEveryAgent);

    /**
     * Starts the MAS with Vigil's architecture first in the agents named (declared names; empty: every agent,
     * created ones too); {@link ProjectException} if it cannot, or names an agent the project does not declare.
     */
    void start(Set<String> monitored);

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
