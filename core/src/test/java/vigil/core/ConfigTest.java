package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file: every key, the defaults, and errors in the user's terms. */
class ConfigTest {

    @TempDir
    Path dir;

    Path write(String text) throws Exception {
        Path f = dir.resolve("vigil.properties");
        Files.writeString(f, text);
        return f;
    }

    ConfigException error(String text) throws Exception {
        Path f = write(text);
        return assertThrows(ConfigException.class, () -> Config.load(f));
    }

    @Test
    void everyKeyParsesToTheRightValue() throws Exception {
        Path f = write("""
                # a comment
                ! another
                rules = classpath, my-rules, /abs/one.drl
                rules.watch = on
                params.commons.window = 2m
                out = runs/today
                audit = logs/audit.jsonl
                audit.key = s3cret
                audit.sync = yes
                trace = runs/trace.jsonl
                fail = closed
                watch.queue = 4_096
                watch.retention = 30m
                watch.tick = 200ms
                clock = events
                escalation.honesty = warn; 3 in 10m: mute 30s
                escalation.default = notify
                reputation.initial = 0.8
                reputation.penalty.high = 0.25
                supervisor = overseer
                sinks.queue = 50000
                sinks.log: off
                vocabulary.fish = harvest
                history = 1000
                """);
        Config c = Config.load(f);
        assertEquals(List.of("classpath", dir.resolve("my-rules").toString(), "/abs/one.drl"), c.rules());
        assertTrue(c.watchRules());
        assertEquals(Map.of("commons.window", "2m"), c.params());
        assertEquals(dir.resolve("runs/today"), c.out());
        assertEquals(dir.resolve("logs/audit.jsonl"), c.audit());
        assertArrayEquals("s3cret".getBytes(StandardCharsets.UTF_8), c.auditKey());
        assertTrue(c.auditSync());
        assertEquals(dir.resolve("runs/trace.jsonl"), c.trace());
        assertEquals(Config.FailMode.CLOSED, c.fail());
        assertEquals(4096, c.watchQueue());
        assertEquals(Duration.ofMinutes(30), c.retention());
        assertEquals(Duration.ofMillis(200), c.tick());
        assertEquals(Config.ClockMode.EVENTS, c.clock());
        EscalationPolicy honesty = c.escalation("honesty");
        assertEquals(2, honesty.steps().size());
        assertEquals(3, honesty.steps().get(1).count());
        assertEquals(Duration.ofMinutes(10), honesty.steps().get(1).window());
        assertEquals(List.of(new Sanction.Mute(Duration.ofSeconds(30))), honesty.steps().get(1).sanctions());
        assertEquals("notify", c.escalation("fairness").toString(), "escalation.default covers the other values");
        assertEquals(0.8, c.initialReputation());
        assertEquals(0.25, c.penalty(Severity.HIGH));
        assertEquals(0.05, c.penalty(Severity.MEDIUM), "the other severities keep their defaults");
        assertEquals("overseer", c.supervisor());
        assertEquals(50_000, c.sinkQueue());
        assertFalse(c.logAlerts());
        assertEquals(Map.of("fish", "harvest"), c.vocabulary());
        assertEquals(1000, c.history());
    }

    @Test
    void theFileAndTheBuilderGiveTheSameConfiguration() throws Exception {
        Config file = Config.load(write("""
                rules = classpath
                fail = closed
                watch.queue = 10
                escalation.honesty = warn
                vocabulary.fish = harvest
                audit = none
                trace = none
                """));
        Config code = Config.builder().rules(List.of("classpath")).fail(Config.FailMode.CLOSED).watchQueue(10)
                .escalation("honesty", EscalationPolicy.parse("warn")).vocabulary("fish", "harvest").audit(null).build();
        assertEquals(code.rules(), file.rules());
        assertEquals(code.fail(), file.fail());
        assertEquals(code.watchQueue(), file.watchQueue());
        assertEquals(code.escalation("honesty").toString(), file.escalation("honesty").toString());
        assertEquals(code.vocabulary(), file.vocabulary());
        assertNull(file.audit());
        assertNull(file.trace());
    }

    @Test
    void describeShowsEverySetting() {
        Map<String, String> d = Config.builder().auditKey("s3cret".getBytes(StandardCharsets.UTF_8)).build().describe();
        for (Config.Key<?> k : Config.keys()) {
            if (!k.isFamily()) {
                assertTrue(d.containsKey(k.name()), "describe() shows " + k + ": " + d.keySet());
            }
        }
        assertEquals("(set)", d.get("audit.key"), "a secret shows only as set");
        assertEquals("0.1", d.get("reputation.penalty.high"));
    }

    @Test
    void theBuilderRefusesABadValueNamingTheKey() {
        assertEquals("watch.queue: must be at least 1, not 0",
                assertThrows(ConfigException.class, () -> Config.builder().watchQueue(0)).getMessage());
        assertEquals("reputation.penalty.high: must be within 0..1, not 2.0",
                assertThrows(ConfigException.class, () -> Config.builder().penalty(Severity.HIGH, 2)).getMessage());
        assertEquals("params.window: name a parameter as PACK.NAME, e.g. params.commons.window",
                assertThrows(ConfigException.class, () -> Config.builder().param("window", "1s")).getMessage());
        assertEquals(7, Config.builder().set(Config.WATCH_QUEUE, 7).build().get(Config.WATCH_QUEUE));
    }

    @Test
    void withNoFileTheEmbeddedDefaultsApply() throws Exception {
        Config c = Config.defaults();
        assertEquals(List.of(Config.CLASSPATH), c.rules());
        assertFalse(c.watchRules());
        assertTrue(c.params().isEmpty());
        assertEquals(Path.of("vigil-out"), c.out());
        assertEquals(Path.of("vigil-out", "audit.jsonl"), c.audit());
        assertNull(c.auditKey());
        assertFalse(c.auditSync());
        assertNull(c.trace());
        assertEquals(Config.FailMode.OPEN, c.fail());
        assertEquals(65_536, c.watchQueue());
        assertEquals(Duration.ofMinutes(10), c.retention());
        assertEquals(Duration.ofSeconds(1), c.tick());
        assertEquals(Config.ClockMode.LIVE, c.clock());
        assertSame(EscalationPolicy.RULES_DECIDE, c.escalation("honesty"));
        assertEquals(1.0, c.initialReputation());
        assertEquals(0.02, c.penalty(Severity.LOW));
        assertEquals(0.05, c.penalty(Severity.MEDIUM));
        assertEquals(0.1, c.penalty(Severity.HIGH));
        assertEquals(0.2, c.penalty(Severity.CRITICAL));
        assertNull(c.supervisor());
        assertEquals(10_000, c.sinkQueue());
        assertTrue(c.logAlerts());
        assertTrue(c.vocabulary().isEmpty());
        assertEquals(100_000, c.history());
        Config empty = Config.load(write("# nothing but a comment\n\n"));
        assertEquals(c.rules(), empty.rules());
        assertEquals(c.out(), empty.out(), "the output folder default is not moved next to the file");
        assertEquals(c.watchQueue(), empty.watchQueue());
    }

    @Test
    void aBadValueNamesTheFileTheLineTheKeyAndWhatIsAllowed() throws Exception {
        String f = dir.resolve("vigil.properties").toString();
        assertEquals(f + ":2: fail: expected 'open' or 'closed', got 'maybe'",
                error("rules = classpath\nfail = maybe\n").getMessage());
        assertEquals(f + ":1: clock: expected 'live' or 'events', got 'wall'", error("clock = wall").getMessage());
        assertEquals(f + ":1: rules.watch: expected on or off (or true/false, yes/no), got 'sometimes'",
                error("rules.watch = sometimes").getMessage());
        assertEquals(f + ":1: watch.queue: expected a whole number, got 'lots'", error("watch.queue = lots").getMessage());
        assertEquals(f + ":1: watch.queue: must be at least 1, not 0", error("watch.queue = 0").getMessage());
        assertTrue(error("watch.retention = soon").getMessage().startsWith(f + ":1: watch.retention: not a duration: 'soon'"));
        assertTrue(error("watch.tick = 5 parsecs").getMessage().startsWith(f + ":1: watch.tick: "));
        assertEquals(f + ":1: reputation.initial: must be within 0..1, not 1.5",
                error("reputation.initial = 1.5").getMessage());
        assertEquals(f + ":1: reputation.penalty.huge: unknown severity 'huge' (low, medium, high, critical)",
                error("reputation.penalty.huge = 0.1").getMessage());
        assertTrue(error("escalation.honesty = 3 within 10m: mute").getMessage()
                .startsWith(f + ":1: escalation.honesty: escalation step '3 within 10m: mute' should read 'COUNT in WINDOW: SANCTIONS'"));
        assertTrue(error("escalation.honesty = shout").getMessage().startsWith(f + ":1: escalation.honesty: "));
        assertEquals(f + ":1: vocabulary.fish: expected a name (letters, digits, _), got 'two words'",
                error("vocabulary.fish = two words").getMessage());
        assertEquals(f + ":1: params.window: name a parameter as PACK.NAME, e.g. params.commons.window",
                error("params.window = 1m").getMessage());
        assertEquals(f + ":1: rules: give at least one location (classpath, a file or a folder)",
                error("rules = ").getMessage());
        assertEquals(f + ":1: out: expected a path", error("out =").getMessage());
    }

    @Test
    void aFamilyKeyWithoutItsNameSaysWhatToWrite() throws Exception {
        String f = dir.resolve("vigil.properties").toString();
        assertEquals(f + ":1: vocabulary.: name the functor after the dot: vocabulary.FUNCTOR, e.g. vocabulary.fish",
                error("vocabulary. = harvest").getMessage());
        assertEquals(f + ":1: escalation.: name the value after the dot: escalation.VALUE, e.g. escalation.honesty",
                error("escalation. = warn").getMessage());
        assertEquals(f + ":1: reputation.penalty.: name the severity after the dot: reputation.penalty.SEVERITY,"
                + " e.g. reputation.penalty.high", error("reputation.penalty. = 0.1").getMessage());
    }

    @Test
    void anUnknownKeyIsAnErrorThatSuggestsTheNearestKnownOne() throws Exception {
        String f = dir.resolve("vigil.properties").toString();
        String m = error("\nrule.watch = on\n").getMessage();
        assertTrue(m.startsWith(f + ":2: rule.watch: unknown key 'rule.watch'; did you mean 'rules.watch'? (known: rules, "), m);
        assertTrue(m.contains("vocabulary.FUNCTOR"), "lists the known keys: " + m);
        assertTrue(error("vocabulray.fish = harvest").getMessage().contains("did you mean 'vocabulary.fish'?"));
        assertTrue(error("reputaton.penalty.high = 0.3").getMessage().contains("did you mean 'reputation.penalty.high'?"));
        assertTrue(error("Fail = open").getMessage().contains("did you mean 'fail'?"));
        String far = error("colour = blue").getMessage();
        assertTrue(far.contains("unknown key 'colour' (known: "), far);
        assertFalse(far.contains("did you mean"), far);
    }

    @Test
    void aKeyGivenTwiceIsAnError() throws Exception {
        String f = dir.resolve("vigil.properties").toString();
        assertEquals(f + ":3: rules: already set on line 1; give each key once",
                error("rules = classpath\nfail = open\nrules = my-rules\n").getMessage());
    }

    @Test
    void aLineWithoutAValueAndAMissingFileAreNamed() throws Exception {
        String f = dir.resolve("vigil.properties").toString();
        assertEquals(f + ":2: expected 'key = value', got 'rules classpath'", error("# rules\nrules classpath\n").getMessage());
        Path missing = dir.resolve("nope.properties");
        assertEquals(missing + ": no such configuration file",
                assertThrows(ConfigException.class, () -> Config.load(missing)).getMessage());
    }
}
