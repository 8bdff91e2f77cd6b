package vigil.jacamo.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a JaCaMo user has JaCaMo: the folder given with {@code --jacamo DIR}, else the system property
 * {@code vigil.jacamo.home}, else the environment variable {@code JACAMO_HOME} (JaCaMo's own). The folder is a
 * JaCaMo install (its jars in {@code libs/}), a JaCaMo build ({@code build/libs/}), or a folder of jars; its
 * jars are loaded at run time, in the application's class loader. JaCaMo 1.3 needs Jason 3.3 and Java 21: a
 * Jason jar in the folder wins over the one Vigil was built with, and else Jason 3.3.0 is taken from the
 * local Maven repository when Vigil's own is older.
 */
public final class JaCaMoHome {

    /** The system property naming the JaCaMo folder. */
    public static final String PROPERTY = "vigil.jacamo.home";
    /** The environment variable JaCaMo's own install sets. */
    public static final String ENV = "JACAMO_HOME";

    private JaCaMoHome() {
    }

    /** The folder to use: {@code given} if not null, else the property, else the environment; null if none. */
    public static Path locate(Path given) {
        if (given != null) {
            return given;
        }
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String e = System.getenv(ENV);
        return e == null || e.isBlank() ? null : Path.of(e);
    }

    /**
     * The jars a {@code .jcm} runs with, Jason included. Throws {@link ProjectException} saying what to do when
     * there is no JaCaMo, when this Java is older than JaCaMo needs, or when no suitable Jason is found.
     */
    public static List<Path> jars(Path jcm, Path given) {
        Path home = locate(given);
        if (home == null) {
            throw new ProjectException(jcm + ": a JaCaMo application needs JaCaMo's jars, which are not on Maven Central:"
                    + " give the folder of your JaCaMo install or build with --jacamo DIR (or set " + ENV
                    + ", or -D" + PROPERTY + "=DIR)");
        }
        if (!Files.isDirectory(home)) {
            throw new ProjectException("--jacamo " + home + ": no such folder");
        }
        List<Path> jars = new ArrayList<>();
        for (Path d : List.of(home, home.resolve("libs"), home.resolve("lib"), home.resolve("build/libs"))) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")).sorted().forEach(jars::add);
                } catch (IOException e) {
                    throw new ProjectException(d + ": cannot read: " + e.getMessage());
                }
            }
        }
        Path jacamo = jars.stream().filter(p -> name(p).matches("jacamo-\\d.*\\.jar")).findFirst().orElse(null);
        if (jacamo == null) {
            throw new ProjectException("--jacamo " + home + ": no jacamo-VERSION.jar there, nor in its libs/ or build/libs/"
                    + " (give the folder of a JaCaMo install or build)");
        }
        String version = name(jacamo).replaceFirst("^jacamo-", "").replaceFirst("\\.jar$", "");
        boolean needs21 = !version.matches("(0|1\\.[0-2])(\\..*)?");
        if (needs21 && Runtime.version().feature() < 21) {
            throw new ProjectException(jcm + ": JaCaMo " + version + " needs Java 21 or later; this is Java "
                    + Runtime.version().feature() + " (run with a JDK 21+: JAVA=/path/to/jdk21/bin/java ./vigil run ...)");
        }
        boolean hasJason = jars.stream().anyMatch(p -> name(p).matches("jason(-interpreter)?-\\d.*\\.jar"));
        if (!hasJason && needs21 && !vigilsJasonIsAtLeast33()) {
            Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "github", "jason-lang",
                    "jason-interpreter", "3.3.0", "jason-interpreter-3.3.0.jar");
            if (!Files.isRegularFile(m2)) {
                throw new ProjectException(jcm + ": JaCaMo " + version + " needs Jason 3.3; Vigil was built with "
                        + jasonVersion() + " and " + home + " has no Jason jar: build Vigil with -Pjason-3.3, or put"
                        + " jason-interpreter-3.3.0.jar in " + home);
            }
            jars.add(0, m2);
        }
        return jars;
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static boolean vigilsJasonIsAtLeast33() {
        String v = jasonVersion();
        return !v.matches("(2|3\\.[0-2])(\\..*)?");
    }

    /** The version of the Jason jar on Vigil's class path, from its file name (as Maven names it). */
    static String jasonVersion() {
        var u = JaCaMoHome.class.getClassLoader().getResource("jason/asSemantics/Agent.class");
        String s = u == null ? "" : u.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jason(?:-interpreter)?-(\\d[^/!]*)\\.jar").matcher(s);
        return m.find() ? m.group(1) : "unknown";
    }
}
