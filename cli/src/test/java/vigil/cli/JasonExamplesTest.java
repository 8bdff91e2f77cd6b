package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.core.AuditTrail;
import vigil.core.Config;

/**
 * Jason's own examples that carry Java (environments, internal actions, agent classes and architectures, jars
 * in {@code lib/}), copied unmodified from jason-lang/jason (see each ORIGIN): each runs under Jason's own runner
 * (its Java compiled as Jason's build does, then {@code jason.infra.local.RunLocalMAS}) and under
 * {@code vigil run}, each in a JVM of its own, and both must show the same behaviour: the same agents speaking,
 * the example's characteristic lines, and no error. The examples with a Swing GUI run under a virtual display
 * (Xvfb) when the machine has one to offer, and are skipped, saying so, when it has not. The same run under
 * {@code vigil run} is the example's place in the corpus of honest programs: the default packs raise the
 * violations its {@code expected.properties} expects (none), its figures go to {@code target/corpus/summary-java.tsv}.
 */
class JasonExamplesTest {

    private static final Path CORPUS = Path.of("../jacamo-plugin/src/test/resources/jason-examples");
    private static final Pattern VIGIL_LOG = Pattern.compile("^\\[(?:INFO|WARN)\\] (\\S+) - (.*)$");
    private static final Pattern TROUBLE = Pattern.compile("Exception|SEVERE|\\[ERROR\\]|could not be created|\\tat ");

    static Process xvfb;
    static String display;

    @TempDir
    Path tmp;

    @BeforeAll
    static void virtualDisplay() throws IOException, InterruptedException {
        display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return;
        }
        display = null;
        Path bin = Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(d -> Path.of(d, "Xvfb"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (bin == null) {
            return;
        }
        xvfb = new ProcessBuilder(bin.toString(), "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x1024x24")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder n = new StringBuilder();
        InputStream in = xvfb.getInputStream();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            n.append((char) c);
        }
        if (!n.toString().strip().matches("\\d+")) {
            xvfb.destroy();
            xvfb = null;
            return;
        }
        display = ":" + n.toString().strip();
    }

    @AfterAll
    static void stopDisplay() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void roomEnvironmentInDefaultPackage() throws Exception {
        same("jason-room", "Room.mas2j", false, "^Agent porter is doing lock$", "^Agent porter is doing unlock$");
    }

    @Test
    void waterJugsEnvironment() throws Exception {
        same("jason-water-jugs", "water_jugs.mas2j", false, "^\\[Jugs\\] doing (fill|empty|pour)\\(",
                "^\\[agent_simple\\] +State: \\(\\d,\\d\\)$");
    }

    @Test
    void airportAgentClassesArchitectureAndInternalAction() throws Exception {
        same("jason-airport", "HeathrowRobots.mas2j", false, "^\\[mds\\d\\] \\*+ I won !+$",
                "^A CPH is trying to disarm a bomb! Disabled by its architecture\\.$");
    }

    @Test
    void prisonersDilemmaInternalActionsWithJarsFromLib() throws Exception {
        same("jason-iterated-prisoners-dilemma", "ipd.mas2j", true, "^\\[arbitrer\\] I'm arresting player",
                "^\\[arbitrer\\] Scores at time \\d+: \\d \\d$");
    }

    @Test
    void domesticRobotSwingEnvironment() throws Exception {
        same("jason-domestic-robot", "DomesticRobot.mas2j", true, "^\\[robot\\] doing: hand_in\\(beer\\)$",
                "^\\[owner\\] doing: sip\\(beer\\)$");
    }

    @Test
    void projectInJasonsGradleTemplateLayout() throws Exception {
        // What `jason app create` makes, from the templates in Jason's jar: src/agt, src/env/example/Env.java,
        // build.gradle, aslSourcePath "src/agt".
        Path dir = Files.createTempDirectory(tmp, "gradle-app");
        Files.createDirectories(dir.resolve("src/agt"));
        Files.createDirectories(dir.resolve("src/env/example"));
        template("project2.mas2j", "", dir.resolve("app.mas2j"));
        template("agent", "bob", dir.resolve("src/agt/bob.asl"));
        template("agent", "alice", dir.resolve("src/agt/alice.asl"));
        template("environment2", "", dir.resolve("src/env/example/Env.java"));
        template("build.gradle", "", dir.resolve("build.gradle"));
        Path forJason = copy(dir);
        CompletableFuture<Run> underJason = CompletableFuture.supplyAsync(() -> unchecked(() -> jason(forJason,
                "app.mas2j", 40, "^\\[bob\\] hello world\\.$", "^\\[alice\\] hello world\\.$")));
        Run vigil = vigil(copy(dir), "app.mas2j", 60, "true", null, "^\\[bob\\] hello world\\.$",
                "^\\[alice\\] hello world\\.$");
        Run jason = underJason.get();
        for (Run r : List.of(jason, vigil)) {
            assertTrue(r.lines().contains("[bob] hello world."), r.output());
            assertTrue(r.lines().contains("[alice] hello world."), r.output());
        }
        assertNoTrouble("Jason's runner", jason.output());
        assertNoTrouble("vigil run", vigil.output());
        assertTrue(vigil.output().contains("with 2 agents [alice, bob]"), vigil.output());
    }

    /** One of Jason's templates for a new application, filled in as {@code jason app create} does. */
    private static void template(String name, String agent, Path to) throws IOException {
        try (InputStream in = JasonExamplesTest.class.getClassLoader().getResourceAsStream("templates/" + name)) {
            assertNotNull(in, "Jason's template " + name);
            String t = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("<PROJECT_NAME>", "app")
                    .replace("<PROJECT-FILE>", "app.mas2j").replace("<AG_NAME>", agent).replace("<VERSION>", "3")
                    .replace("<DATE>", "today").replace("<PROJECT-RUNNER-CLASS>", "jason.infra.local.RunLocalMAS");
            Files.writeString(to, t);
        }
    }

    @Test
    void swingProjectWithoutDisplaySaysWhy() throws Exception {
        Path dir = copy("jason-domestic-robot");
        Run r = vigil(dir, "DomesticRobot.mas2j", 5, "true", null);
        assertEquals(4, r.exit(), r.output());
        assertTrue(r.output().contains("this machine has no display"), r.output());
        assertTrue(r.output().contains("HouseEnv"), r.output());
    }

    @Test
    void javaCompileErrorIsReportedAsFileAndLine() throws Exception {
        Path dir = copy("jason-room");
        Path env = dir.resolve("RoomEnv.java");
        String broken = Files.readString(env).replace("addPercept(ld);", "addPercept(ld)");
        assertNotEquals(Files.readString(env), broken);
        Files.writeString(env, broken);
        Run r = vigil(dir, "Room.mas2j", 3, "true", null);
        assertEquals(4, r.exit(), r.output());
        assertTrue(Pattern.compile("RoomEnv\\.java:\\d+: ';' expected").matcher(r.output()).find(), r.output());
        assertFalse(r.output().contains("vigil: running"), r.output());
    }

    // ---- the two runners ----

    private void same(String example, String mas2j, boolean gui, String... characteristic) throws Exception {
        if (gui) {
            String why = example + " opens a window: no display and no Xvfb on this machine";
            // CI installs Xvfb and sets VIGIL_REQUIRE_DISPLAY: there, no display is a failure, not a skip.
            assertFalse(display == null && System.getenv("VIGIL_REQUIRE_DISPLAY") != null, why);
            Assumptions.assumeTrue(display != null, why);
        }
        // The two runners side by side: Jason's stopped once it has shown the example's characteristic lines,
        // Vigil's run for the corpus's duration (the example is one of the honest programs: see corpus()).
        Properties expected = expected(example);
        Path forJason = copy(example);
        Path forVigil = copy(example);
        Path audit = tmp.resolve(example + "-audit.jsonl");
        CompletableFuture<Run> underJason = CompletableFuture.supplyAsync(() -> unchecked(() -> jason(forJason, mas2j, 40, characteristic)));
        int seconds = (int) Math.max(1, Config.parseDuration(expected.getProperty("duration", "3s")).toSeconds());
        Run vigil = vigil(forVigil, mas2j, seconds, gui ? "false" : "true", display, List.of("--audit", audit.toString()));
        Run jason = underJason.get();
        assertTrue(vigil.output().contains("vigil: running"), vigil.output());
        assertTrue(vigil.output().contains("vigil: summary"), vigil.output());
        assertNoTrouble("Jason's runner", jason.output());
        assertNoTrouble("vigil run", vigil.output());
        for (String c : characteristic) {
            Pattern p = Pattern.compile(c, Pattern.MULTILINE);
            assertTrue(p.matcher(jason.lines()).find(), "Jason's runner did not print " + c + ":\n" + jason.output());
            assertTrue(p.matcher(vigil.lines()).find(), "vigil run did not print " + c + ":\n" + vigil.output());
        }
        corpus(example, expected, vigil, audit);
    }

    // ---- the examples as honest programs of the corpus (jacamo-plugin's CorpusTest runs those without Java) ----

    private static final Pattern AGENTS = Pattern.compile("(?m)^vigil: running .* with (\\d+) agents");
    private static final Pattern MESSAGES = Pattern.compile("(?m)^  messages +(\\d+) sent");
    private static final Pattern ACTIONS = Pattern.compile("(?m)^  actions +(\\d+) judged");
    private static final Map<String, String> ROWS = new TreeMap<>();

    private static Properties expected(String example) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(CORPUS.resolve(example).resolve("expected.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /**
     * The run under the default packs raised exactly the violations the example's {@code expected.properties}
     * expects (an honest program: none), and sent and started at least the messages and actions it says.
     */
    private static void corpus(String example, Properties expected, Run vigil, Path audit) throws IOException {
        assertNotNull(JasonExamplesTest.class.getResource("/META-INF/kmodule.xml"), "the default packs are on the class path");
        Map<String, Integer> byPack = new TreeMap<>();
        List<String> said = new ArrayList<>();
        for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
            AuditTrail.Entry e = AuditTrail.read(line);
            if (e.violation() != null) {
                byPack.merge(e.violation().pack(), 1, Integer::sum);
                said.add(e.violation().rule() + ": " + e.violation().explanation());
            }
        }
        int agents = Integer.parseInt(found(AGENTS, vigil.output()));
        long messages = Long.parseLong(found(MESSAGES, vigil.output()));
        long actions = Long.parseLong(found(ACTIONS, vigil.output()));
        ROWS.put(example, String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%s", example, agents, messages, actions,
                said.size(), byPack));
        assertEquals(Integer.parseInt(expected.getProperty("violations", "0")), said.size(),
                example + ": violations from the default packs: " + String.join("; ", said));
        long atLeastMessages = Long.parseLong(expected.getProperty("messages", "0"));
        long atLeastActions = Long.parseLong(expected.getProperty("actions", "0"));
        assertTrue(messages >= atLeastMessages, example + ": sent " + messages + " messages, expected at least " + atLeastMessages);
        assertTrue(actions >= atLeastActions, example + ": started " + actions + " actions, expected at least " + atLeastActions);
    }

    private static String found(Pattern p, String output) {
        Matcher m = p.matcher(output);
        assertTrue(m.find(), "vigil run's summary has no " + p + ":\n" + output);
        return m.group(1);
    }

    /** The examples in figures, for docs/rule-packs.md's corpus table, beside jacamo-plugin's target/corpus/summary.tsv. */
    @AfterAll
    static void writeCorpusSummary() throws IOException {
        if (ROWS.isEmpty()) {
            return;
        }
        Path out = Files.createDirectories(Path.of("target", "corpus"));
        Files.writeString(out.resolve("summary-java.tsv"), "program\tagents\tmessages\tactions\tviolations\tby pack\n"
                + String.join("\n", ROWS.values()) + "\n", StandardCharsets.UTF_8);
    }

    private static final Pattern AWT_TRACE = Pattern.compile("^Exception in thread \"AWT-EventQueue-\\d+\"");
    private static final Pattern TRACE_LINE = Pattern.compile("^([\\w.$]+(Exception|Error)\\b|\\tat |\\t\\.\\.\\.|Caused by)");

    private static void assertNoTrouble(String who, String output) {
        // An exception on Swing's thread is the example's own GUI code (JFreeChart's dataset is not thread-safe in
        // the prisoners' dilemma, under either runner): not the runner's trouble. The agents keep printing while
        // it is printed, so their lines ([INFO] ...) may come between the lines of its trace.
        boolean inAwtTrace = false;
        for (String line : output.split("\\R")) {
            if (AWT_TRACE.matcher(line).find()) {
                inAwtTrace = true;
                continue;
            }
            if (inAwtTrace && TRACE_LINE.matcher(line).find()) {
                continue;
            }
            inAwtTrace = inAwtTrace && line.startsWith("[");
            assertFalse(TROUBLE.matcher(line).find(), who + " printed an error: " + line + "\n" + output);
        }
    }

    interface Step<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(Step<T> step) {
        try {
            return step.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Run(int exit, String output, String lines) {
    }

    /** Jason's own runner: the project's Java compiled as its Gradle template does, then RunLocalMAS. */
    private Run jason(Path dir, String mas2j, int seconds, String... until) throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("jason-classes-" + dir.getFileName()));
        List<String> cp = new ArrayList<>(List.of(classes.toString(), dir.toString()));
        if (Files.isDirectory(dir.resolve("lib"))) {
            try (Stream<Path> s = Files.list(dir.resolve("lib"))) {
                s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> cp.add(p.toString()));
            }
        }
        cp.add(System.getProperty("java.class.path"));
        List<String> sources;
        try (Stream<Path> s = Files.walk(dir)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-nowarn", "-XDsuppressNotes",
                "-cp", String.join(File.pathSeparator, cp)));
        args.addAll(sources);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac, as Jason's build runs it");
        Path log = dir.resolve("console-logging.properties");
        Files.writeString(log, """
                handlers = java.util.logging.ConsoleHandler
                .level = INFO
                java.util.logging.ConsoleHandler.level = INFO
                java.util.logging.ConsoleHandler.formatter = jason.runtime.MASConsoleLogFormatter
                java.level = OFF
                javax.level = OFF
                sun.level = OFF
                """);
        List<String> cmd = new ArrayList<>(List.of(java(), "-Djava.awt.headless=" + (display == null), "-cp",
                String.join(File.pathSeparator, cp), "jason.infra.local.RunLocalMAS", mas2j, "--no-net", "--log-conf",
                log.toString()));
        return exec(dir, cmd, seconds, display, until);
    }

    /** {@code vigil run}, as the ./vigil script starts it. */
    private Run vigil(Path dir, String mas2j, int seconds, String headless, String display, String... until)
            throws Exception {
        return vigil(dir, mas2j, seconds, headless, display, List.of(), until);
    }

    private Run vigil(Path dir, String mas2j, int seconds, String headless, String display, List<String> options,
            String... until) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Djava.awt.headless=" + headless,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp", System.getProperty("java.class.path"), mainClass(), "run", mas2j, "--duration", seconds + "s"));
        cmd.addAll(options);
        if (JasonExamplesTest.class.getResource("/META-INF/kmodule.xml") == null) {
            // No rule packs on this module's class path: a rule of the tests' own.
            cmd.addAll(List.of("--rules", Path.of("../jacamo-plugin/src/test/resources/mas/runner/civility.drl").toAbsolutePath().toString()));
        }
        return exec(dir, cmd, seconds + 30, display, until);
    }

    private static String mainClass() {
        for (String c : List.of("vigil.cli.Main", "vigil.jacamo.cli.Main")) {
            try {
                Class.forName(c, false, JasonExamplesTest.class.getClassLoader());
                return c;
            } catch (ClassNotFoundException e) {
                // the other one
            }
        }
        throw new IllegalStateException("no command line on the class path");
    }

    /** Runs a command for at most {@code seconds}, or until its output shows every pattern of {@code until}. */
    private static Run exec(Path dir, List<String> cmd, int seconds, String display, String... until) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        Path out = Files.createTempFile(dir, "out", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (until.length > 0 && p.isAlive() && System.nanoTime() < end && !shows(normalise(Files.readString(out)), until)) {
            Thread.sleep(200);
        }
        int exit;
        if (until.length == 0 && p.waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            exit = p.exitValue();
        } else {
            // The example has shown what it does (or the time is up): stop it as Ctrl-C would.
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            exit = -1;
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        return new Run(exit, text, normalise(text));
    }

    private static boolean shows(String lines, String... patterns) {
        for (String c : patterns) {
            if (!Pattern.compile(c, Pattern.MULTILINE).matcher(lines).find()) {
                return false;
            }
        }
        return true;
    }

    /** Vigil's log lines ({@code [INFO] alice - hello}) in the form of Jason's console ({@code [alice] hello}). */
    private static String normalise(String text) {
        StringBuilder lines = new StringBuilder();
        for (String l : text.split("\\R")) {
            Matcher v = VIGIL_LOG.matcher(l);
            if (v.matches()) {
                lines.append('[').append(v.group(1)).append("] ").append(v.group(2));
            } else {
                lines.append(l);
            }
            lines.append('\n');
        }
        return lines.toString();
    }

    private Path copy(String example) throws IOException {
        return copy(CORPUS.resolve(example));
    }

    private Path copy(Path from) throws IOException {
        Path to = Files.createTempDirectory(tmp, from.getFileName().toString());
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
