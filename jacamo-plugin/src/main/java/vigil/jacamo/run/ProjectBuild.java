package vigil.jacamo.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a Jason or JaCaMo project the way Jason's own build does (its Gradle template): every {@code .java}
 * file of the project folder ({@code src/java}, {@code src/env}, {@code src/agt}, the folder itself and its
 * sub-folders, as the template's {@code srcDir '.'} does) is compiled with {@code javax.tools} against Jason,
 * the project's {@code lib/*.jar} and the {@code classpath:} entries of its {@code .mas2j}. The result is the
 * class path the MAS runs with: the compiled classes, {@code src/resources}, the project folder and the jars.
 * A compile error is reported as {@code File.java:LINE: message} (a {@link ProjectException}).
 */
public final class ProjectBuild implements AutoCloseable {

    private static final Set<String> SKIPPED_DIRS = Set.of("build", "bin", "target", "out", "vigil-out", "node_modules");
    private static final Pattern CLASSPATH = Pattern.compile("(?s)classpath\\s*:\\s*((?:\"[^\"]*\"\\s*;?\\s*)+)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final Path classes;
    private final List<Path> classPath;
    private final List<Path> sources;

    private ProjectBuild(Path classes, List<Path> classPath, List<Path> sources) {
        this.classes = classes;
        this.classPath = classPath;
        this.sources = sources;
    }

    /**
     * Compiles the project's Java, if any, against the given platform jars (Jason, JaCaMo, Vigil) and the
     * project's own jars. {@code extraSources} are compiled with it (Vigil's launcher for a platform that is
     * only known at run time). Throws {@link ProjectException} for a compile error or an unreadable folder.
     */
    public static ProjectBuild of(Path projectFile, List<Path> platform, List<Path> extraSources) {
        Path dir = projectFile.toAbsolutePath().normalize().getParent();
        List<Path> jars = projectJars(dir, projectFile);
        List<Path> sources = new ArrayList<>(javaSources(dir));
        sources.addAll(extraSources);
        Path classes = null;
        if (!sources.isEmpty()) {
            try {
                classes = Files.createTempDirectory("vigil-classes-");
            } catch (IOException e) {
                throw new ProjectException("cannot make a folder for the project's classes: " + e.getMessage());
            }
            List<Path> against = new ArrayList<>(jars);
            against.addAll(platform);
            compile(dir, sources, against, classes);
        }
        List<Path> cp = new ArrayList<>();
        if (classes != null) {
            cp.add(classes);
        }
        Path resources = dir.resolve("src/resources");
        if (Files.isDirectory(resources)) {
            cp.add(resources);
        }
        cp.add(dir);
        cp.addAll(jars);
        return new ProjectBuild(classes, cp, sources);
    }

    /** The project's run-time class path: its classes (if it has Java), resources, folder and jars. */
    public List<Path> classPath() {
        return classPath;
    }

    /** The Java sources compiled (the project's, then any extra ones). */
    public List<Path> sources() {
        return sources;
    }

    /** URLs of {@link #classPath()}, for a class loader. */
    public List<URL> urls() {
        return toUrls(classPath);
    }

    static List<URL> toUrls(List<Path> paths) {
        List<URL> urls = new ArrayList<>();
        for (Path p : paths) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
            }
        }
        return urls;
    }

    /** Deletes the compiled classes. */
    @Override
    public void close() {
        if (classes != null) {
            delete(classes);
        }
    }

    /** Deletes a temporary folder and what it holds. */
    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder: the system cleans it eventually.
        }
    }

    /** Every {@code .java} file under the project folder, except build output and hidden folders. */
    static List<Path> javaSources(Path dir) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(dir) && (name.startsWith(".") || SKIPPED_DIRS.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (f.getFileName().toString().endsWith(".java")) {
                        found.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ProjectException(dir + ": cannot read the project's folder: " + e.getMessage());
        }
        found.sort(null);
        return found;
    }

    /** {@code lib/*.jar}, then the {@code .mas2j}'s {@code classpath:} entries (relative to the project folder). */
    static List<Path> projectJars(Path dir, Path projectFile) {
        Set<Path> jars = new LinkedHashSet<>();
        Path lib = dir.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                throw new ProjectException(lib + ": cannot read: " + e.getMessage());
            }
        }
        if (projectFile.toString().endsWith(".mas2j") && Files.isRegularFile(projectFile)) {
            String text;
            try {
                text = Files.readString(projectFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ProjectException(projectFile + ": cannot read: " + e.getMessage());
            }
            Matcher m = CLASSPATH.matcher(stripComments(text));
            if (m.find()) {
                Matcher q = QUOTED.matcher(m.group(1));
                while (q.find()) {
                    String entry = q.group(1).strip();
                    if (entry.isEmpty()) {
                        continue;
                    }
                    Path p = dir.resolve(entry).normalize();
                    if (entry.endsWith("/*") || entry.endsWith("\\*")) {
                        Path folder = p.getParent();
                        if (folder != null && Files.isDirectory(folder)) {
                            try (Stream<Path> s = Files.list(folder)) {
                                s.filter(x -> x.toString().endsWith(".jar")).sorted().forEach(jars::add);
                            } catch (IOException e) {
                                throw new ProjectException(folder + ": cannot read: " + e.getMessage());
                            }
                        }
                    } else if (Files.exists(p)) {
                        jars.add(p);
                    }
                }
            }
        }
        return new ArrayList<>(jars);
    }

    private static String stripComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", "");
    }

    private static void compile(Path dir, List<Path> sources, List<Path> against, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new ProjectException(dir + ": the project has Java sources (" + dir.relativize(sources.get(0))
                    + ", ...) but this Java has no compiler: run Vigil with a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-encoding", "UTF-8", "-g",
                    "-nowarn", "-Xlint:none", "-XDsuppressNotes", "-proc:none", "-implicit:class"));
            options.add("-classpath");
            options.add(String.join(java.io.File.pathSeparator, against.stream().map(Path::toString).toList()));
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                throw new ProjectException(errors(dir, diagnostics));
            }
        } catch (IOException e) {
            throw new ProjectException(dir + ": cannot compile the project's Java: " + e.getMessage());
        }
    }

    private static String errors(Path dir, DiagnosticCollector<JavaFileObject> diagnostics) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String where = d.getSource() == null ? dir.toString() : Path.of(d.getSource().toUri()).toString();
            String msg = d.getMessage(Locale.ROOT).strip().split("\r?\n")[0];
            lines.add(where + (d.getLineNumber() > 0 ? ":" + d.getLineNumber() : "") + ": " + msg);
        }
        if (lines.isEmpty()) {
            lines.add(dir + ": the project's Java does not compile");
        }
        return "the project's Java does not compile, the MAS is not started:" + System.lineSeparator()
                + String.join(System.lineSeparator(), lines);
    }
}
