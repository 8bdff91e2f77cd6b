package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.Sanction;
import vigil.core.Violation;

/**
 * A user's sanction and alert sink, written outside Vigil's modules (the sources under
 * {@code src/test/resources/extension}), compiled here into a jar of their own against vigil-core alone, and
 * found through the SPI ({@code META-INF/services}) by the monitor of a real Jason run: the rule's
 * {@code @sanction("revoke_role seller")} is carried out on the agent, and the sink receives the alerts.
 */
class ExtensionTest {

    static final String RULE = """
            package test.extension;
            import vigil.core.*;
            import function vigil.core.Findings.violation;
            rule "Offers below cost"
                @value("fairness") @severity("medium") @sanction("revoke_role seller") @path("gate")
            when
                $m : MessageEvent(performative == "tell", content.functor == "offer")
            then
                violation(kcontext, "offered below cost", $m);
            end
            """;

    @Test
    void aUsersSanctionAndSinkInTheirOwnJarAreLoadedAndCarriedOutInAJasonRun(@TempDir Path dir) throws Exception {
        Path jar = buildExtensionJar(dir);
        Path alertsFile = dir.resolve("alerts.txt");
        System.setProperty("example.alerts", alertsFile.toString());
        // The user's jar over the test's class path, with the default packs hidden (only the rule below judges).
        ClassLoader noPacks = new ClassLoader(ExtensionTest.class.getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                return name.equals("META-INF/kmodule.xml") ? java.util.Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, noPacks);
                Mas mas = Mas.start(Mas.resource("extension/extension.mas2j"), Mas.config(dir), loader, RULE)) {
            mas.awaitPrinted("alice: lost role seller");
            Violation v = mas.monitor.violations().get(0);
            assertEquals("Offers below cost", v.rule());
            assertEquals("revoke_role seller", v.requested().get(0).toString());
            assertEquals("org.example.vigil.RevokeRole$Revoked", v.requested().get(0).getClass().getName(),
                    "the sanction is the user's class, loaded from its own jar");
            assertTrue(mas.monitor.flushAlerts(5_000));
            mas.await(() -> read(alertsFile).contains("-> flag; revoke_role seller alice"), "the user's sink to record the violation");
        } finally {
            System.clearProperty("example.alerts");
        }
        assertThrows(IllegalArgumentException.class, () -> Sanction.parse("revoke_role seller"),
                "without the user's jar the kind is unknown: nothing of it is in Vigil");
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Compiles the extension's sources against vigil-core's classes and packs them with their service files. */
    static Path buildExtensionJar(Path dir) throws Exception {
        Path src = Mas.resource("extension/extension.mas2j").getParent().getParent().getParent().resolve("extension");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(src)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        String core = Path.of(Sanction.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", core, "--release", "17"));
        args.addAll(sources);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the extension compiles against vigil-core");
        Path jar = dir.resolve("extension.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Stream.concat(Files.walk(classes), Files.walk(src.resolve("META-INF")))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !f.toString().endsWith(".java")) {
                    Path root = f.startsWith(classes) ? classes : src;
                    out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
