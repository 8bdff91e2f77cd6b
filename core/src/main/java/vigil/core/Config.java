package vigil.core;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Vigil's configuration: built in code with {@link #builder()} or read from a file of {@code key = value}
 * lines ({@code #} starts a comment) with {@link #load}. Each key is declared once, as a {@link Key} below
 * (its name, type, default, documentation, and what a reload does to it); the builder, the file parser, the
 * "did you mean" for a misspelt key, {@link #describe()} and the reference table in
 * {@code docs/configuration.md} ({@link #reference()}) all derive from those declarations. With no file at
 * all the defaults apply: the rule packs on the classpath, output under {@code vigil-out/}. Immutable and
 * thread-safe; the getters are shorthands for {@link #get(Key)}.
 */
public final class Config {

    /** What the monitor does when it cannot judge an event (a rule threw, the monitor could not start). */
    public enum FailMode { OPEN, CLOSED }

    /** Which time drives the watch's windows: the wall clock (live agents) or only the events' own times (replay). */
    public enum ClockMode { LIVE, EVENTS }

    /** How long the watch holds the events it takes in ({@link #WATCH_HOLD}). */
    public enum Hold { RULES, RETENTION }

    /** The word for the classpath rule packs in the {@code rules} list. */
    public static final String CLASSPATH = "classpath";

    /** What a reload ({@link Monitor#reload()}) does with a key's value. */
    public enum OnReload {
        /** The value stays as it was at start (the configuration is not read again). */
        KEPT,
        /** The locations the value names are read again. */
        READ_AGAIN
    }

    /**
     * One configuration key, declared once: its name as a file writes it (upper-case parts are names the
     * user chooses, as in {@code escalation.VALUE}), the type of its value, its default, a line of
     * documentation, an example line, the builder call that sets it in code, and what a reload does with it.
     */
    public static final class Key<T> {
        private final String name;
        private final ValueType<T> type;
        private final Function<Config, T> defaultValue;
        private final String defaultText;
        private final Function<T, String> check;
        private final String doc;
        private final String example;
        private final String code;
        private final OnReload onReload;
        /** For a family ({@code escalation.VALUE}): the member's type; the key's value is a map of members. */
        private final Family<?> family;

        private Key(String name, ValueType<T> type, Function<Config, T> defaultValue, String defaultText,
                Function<T, String> check, String doc, String example, String code, OnReload onReload, Family<?> family) {
            this.name = name;
            this.type = type;
            this.defaultValue = defaultValue;
            this.defaultText = defaultText;
            this.check = check;
            this.doc = doc;
            this.example = example;
            this.code = code;
            this.onReload = onReload;
            this.family = family;
        }

        /** The key as a file writes it, e.g. {@code watch.queue} or {@code escalation.VALUE}. */
        public String name() {
            return name;
        }

        /** The line of documentation the reference shows. */
        public String doc() {
            return doc;
        }

        /** The default as the reference shows it. */
        public String defaultText() {
            return defaultText;
        }

        /** An example line of a configuration file. */
        public String example() {
            return example;
        }

        /** The builder call that sets it in code, as the reference shows it. */
        public String code() {
            return code;
        }

        public OnReload onReload() {
            return onReload;
        }

        /** Whether this key is a family of keys whose last part the user names ({@code vocabulary.FUNCTOR}). */
        public boolean isFamily() {
            return family != null;
        }

        /** The family's prefix, {@code escalation.} for {@code escalation.VALUE}; the name itself otherwise. */
        String prefix() {
            return family == null ? name : family.prefix;
        }

        void check(T value) {
            String problem = value == null ? null : check.apply(value);
            if (problem != null) {
                throw new ConfigException(problem);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The members of a family key: how a member's name after the prefix and its value are read. */
    private record Family<V>(String prefix, String member, String memberExample, ValueType<String> memberType,
            ValueType<V> valueType, Function<V, String> check) {
    }

    private static final List<Key<?>> KEYS = new ArrayList<>();

    private static <T> Key<T> key(String name, ValueType<T> type, T defaultValue, String doc, String example, String code) {
        return key(name, type, c -> defaultValue, defaultValue == null ? "none" : type.format(defaultValue), v -> null,
                doc, example, code, OnReload.KEPT);
    }

    private static <T> Key<T> key(String name, ValueType<T> type, Function<Config, T> defaultValue, String defaultText,
            Function<T, String> check, String doc, String example, String code, OnReload onReload) {
        Key<T> k = new Key<>(name, type, defaultValue, defaultText, check, doc, example, code, onReload, null);
        KEYS.add(k);
        return k;
    }

    private static <V> Key<Map<String, V>> family(String name, ValueType<String> memberType, String memberExample,
            ValueType<V> valueType, Map<String, V> defaults, String defaultText, Function<V, String> check, String doc,
            String example, String code) {
        int upper = 0;
        while (!Character.isUpperCase(name.charAt(upper))) {
            upper++;
        }
        Family<V> f = new Family<>(name.substring(0, upper), name.substring(upper), memberExample, memberType, valueType,
                check);
        Key<Map<String, V>> k = new Key<>(name, null, c -> defaults, defaultText, m -> null, doc, example, code,
                OnReload.KEPT, f);
        KEYS.add(k);
        return k;
    }

    private static Function<Integer, String> atLeast(int min) {
        return v -> v < min ? "must be at least " + min + ", not " + v : null;
    }

    private static Function<Duration, String> positive() {
        return d -> d.isNegative() || d.isZero() ? "must be positive" : null;
    }

    private static Function<Double, String> fraction() {
        return r -> r < 0 || r > 1 ? "must be within 0..1, not " + r : null;
    }

    // ---- The keys, in the order the reference lists them. Adding a key is adding one declaration here. ----

    public static final Key<List<String>> RULES = key("rules", ValueType.LOCATIONS, c -> List.of(CLASSPATH), CLASSPATH,
            l -> l.isEmpty() ? "give at least one location (" + CLASSPATH + ", a file or a folder)" : null,
            "Where the rules come from, a comma list: `classpath` (every rule pack on the classpath: roots with"
                    + " `META-INF/kmodule.xml`), `.drl` files, folders (searched with their sub-folders).",
            "rules = classpath, my-rules, extra/one.drl", ".rules(List.of(\"classpath\", \"my-rules\"))",
            OnReload.READ_AGAIN);

    public static final Key<Boolean> RULES_WATCH = key("rules.watch", ValueType.BOOLEAN, false,
            "Reload the rules by itself when a `.drl` file changes in a rule folder (see [Reloading rules](#reloading-rules)).",
            "rules.watch = on", ".watchRules(true)");

    public static final Key<Map<String, String>> PARAMS = family("params.PACK.NAME", packDotName(), "commons.window",
            ValueType.TEXT, Map.of(), "the pack's own default", v -> null,
            "Sets a parameter of a rule pack (docs/rule-packs.md lists them). An unknown pack or parameter stops"
                    + " start-up with the known ones listed.",
            "params.commons.window = 2m", ".param(\"commons.window\", \"2m\")");

    public static final Key<Path> OUT = key("out", ValueType.PATH, Path.of("vigil-out"),
            "The folder for Vigil's output.", "out = runs/today", ".out(Path.of(\"runs/today\"))");

    public static final Key<Path> AUDIT = key("audit", ValueType.PATH.orNone(), c -> c.get(OUT).resolve("audit.jsonl"),
            "OUT/audit.jsonl", v -> null,
            "The hash-chained audit log (JSON lines, one record per alert, each flushed before its sanction takes"
                    + " effect); `none` keeps no log.",
            "audit = /var/log/vigil/audit.jsonl", ".audit(Path.of(...))`, `.audit(null)", OnReload.KEPT);

    public static final Key<byte[]> AUDIT_KEY = key("audit.key", ValueType.SECRET.orNone(), null,
            "A secret: the audit records are sealed with HMAC-SHA-256 instead of a plain SHA-256, so only its holder"
                    + " can rewrite a log that verifies.",
            "audit.key = s3cret", ".auditKey(\"s3cret\".getBytes(UTF_8))");

    public static final Key<Boolean> AUDIT_SYNC = key("audit.sync", ValueType.BOOLEAN, false,
            "Force each audit record to the disk, not just to the operating system (slower; survives a power cut).",
            "audit.sync = on", ".auditSync(true)");

    public static final Key<Path> TRACE = key("trace", ValueType.PATH.orNone(), null,
            "Record every observed event, withheld ones included, one JSON object per line (the core's event form,"
                    + " after the vocabulary mapping), for `vigil audit` to replay. `none` or empty: no trace.",
            "trace = vigil-out/trace.jsonl", ".trace(Path.of(\"vigil-out/trace.jsonl\"))");

    public static final Key<Duration> TRACE_HOLD = key("trace.hold", ValueType.DURATION, c -> Duration.ofSeconds(1), "1s",
            d -> d.isNegative() ? "must not be negative" : null,
            "How long an event waits before it is written to the trace, so that the trace is in time order although"
                    + " agents' threads queue events a little out of it; a drain or the end writes every event.",
            "trace.hold = 200ms", ".set(Config.TRACE_HOLD, Duration.ofMillis(200))", OnReload.KEPT);

    public static final Key<FailMode> FAIL = key("fail", ValueType.oneOf(FailMode.class), FailMode.OPEN,
            "What happens to an event when a gate rule throws while judging it: `open` allows it, `closed` blocks it."
                    + " Either way an `ENGINE_ERROR` alert is raised.",
            "fail = closed", ".fail(Config.FailMode.CLOSED)");

    public static final Key<Integer> WATCH_QUEUE = key("watch.queue", ValueType.WHOLE, c -> 65_536, "65536", atLeast(1),
            "Capacity of the queue in front of the watch. When it is full, the agents' threads wait (back-pressure);"
                    + " no event is dropped.",
            "watch.queue = 4096", ".watchQueue(4096)", OnReload.KEPT);

    public static final Key<Duration> WATCH_RETENTION = key("watch.retention", ValueType.DURATION,
            c -> Duration.ofMinutes(10), "10m", positive(),
            "The longest the watch holds an event that a rule reads without a time bound (a join, a `not`, an"
                    + " accumulation with no window): such a rule sees no event older. An event that only time windows"
                    + " read is held for the longest of them (even beyond this), one that only rules of the event alone"
                    + " read until they have fired (see `watch.hold`).",
            "watch.retention = 30m", ".retention(Duration.ofMinutes(30))", OnReload.KEPT);

    public static final Key<Boolean> ADMISSION = key("admission", ValueType.BOOLEAN, true,
            "Whether the gate and the watch pass by the events that none of their rules can match (read off the"
                    + " compiled rules' single-event conditions): such an event is counted and traced but never enters a"
                    + " rules session. Off only to compare: the findings are the same either way.",
            "admission = off", ".set(Config.ADMISSION, false)");

    public static final Key<Hold> WATCH_HOLD = key("watch.hold", ValueType.oneOf(Hold.class), Hold.RULES,
            "How long the watch holds each event it takes in: `rules`, as long as the loaded watch rules can still use"
                    + " it (a time window's length; until the rules have fired, for a rule that reads the event alone;"
                    + " `watch.retention` for a join or a read without a window), let go in batches as its clock moves;"
                    + " `retention`, every one for the whole retention (longer when a window needs it), each with an"
                    + " expiry timer of the rule engine's. Only to compare: the findings are the same either way, and"
                    + " `rules` costs less memory and CPU.",
            "watch.hold = retention", ".set(Config.WATCH_HOLD, Config.Hold.RETENTION)");

    public static final Key<Duration> WATCH_TICK = key("watch.tick", ValueType.DURATION, c -> Duration.ofSeconds(1), "1s",
            positive(),
            "How often an idle watch moves its clock to the wall clock (live mode), so rules about something that did"
                    + " not happen still fire, and flushes the trace.",
            "watch.tick = 200ms", ".tick(Duration.ofMillis(200))", OnReload.KEPT);

    public static final Key<ClockMode> CLOCK = key("clock", ValueType.oneOf(ClockMode.class), ClockMode.LIVE,
            "Which time drives the watch's windows: `live` (the events' times, and the wall clock while idle: running"
                    + " agents) or `events` (only the events' own times: replays and tests).",
            "clock = events", ".clock(Config.ClockMode.EVENTS)");

    public static final Key<Map<String, EscalationPolicy>> ESCALATION = family("escalation.VALUE", ValueType.NAME,
            "honesty", ValueType.ESCALATION, Map.of(), "none: each rule's `@sanction` applies", v -> null,
            "The sanction ladder for breaches of one value by one agent; `escalation.default` covers every value"
                    + " without its own. Steps are separated by `;`, each `COUNT in WINDOW: SANCTIONS`, the first may be"
                    + " just `SANCTIONS`; the step with the highest count reached applies. Sanctions: `warn`, `block`,"
                    + " `mute 30s`, `quarantine` (until released), `quarantine 5m`, `reputation -0.2`, `notify [agent]`.",
            "escalation.honesty = warn; 3 in 10m: mute 30s",
            ".escalation(\"honesty\", EscalationPolicy.parse(\"warn; 3 in 10m: mute 30s\"))");

    public static final Key<Double> REPUTATION_INITIAL = key("reputation.initial", ValueType.NUMBER, c -> 1.0, "1.0",
            fraction(), "The reputation (0..1) of an agent never seen before.", "reputation.initial = 0.8",
            ".initialReputation(0.8)", OnReload.KEPT);

    public static final Key<Map<String, Double>> REPUTATION_PENALTY = family("reputation.penalty.SEVERITY", severity(),
            "high", ValueType.NUMBER, Map.of("low", 0.02, "medium", 0.05, "high", 0.1, "critical", 0.2),
            "`low` 0.02, `medium` 0.05, `high` 0.1, `critical` 0.2", r -> fraction().apply(r),
            "The reputation an agent loses for each violation of that severity (0..1).",
            "reputation.penalty.high = 0.25", ".penalty(Severity.HIGH, 0.25)");

    public static final Key<String> SUPERVISOR = key("supervisor", ValueType.NAME.orNone(), null,
            "The agent told by a `notify` sanction that names nobody; with none, such a notify is skipped.",
            "supervisor = overseer", ".supervisor(\"overseer\")");

    public static final Key<List<Alignment>> ALIGNMENT_ORDER = key("alignment.order", ValueType.ALIGNMENTS,
            c -> List.of(Alignment.HUMAN, Alignment.PREFERENTIAL, Alignment.OBJECTIVE), "human, preferential, objective",
            v -> new java.util.HashSet<>(v).size() == Alignment.values().length && v.size() == Alignment.values().length ? null
                    : "name each of human, preferential and objective once, not " + ValueType.ALIGNMENTS.format(v),
            "The order in which the three alignments prevail when their rules conflict, the first highest. Today the engine"
                    + " uses it for one conflict: a key agent (`alignment.key_agents`) is not stopped for a violation of an"
                    + " alignment ranked below `objective`.",
            "alignment.order = objective, human, preferential",
            ".alignmentOrder(List.of(Alignment.OBJECTIVE, Alignment.HUMAN, Alignment.PREFERENTIAL))", OnReload.KEPT);

    public static final Key<List<String>> KEY_AGENTS = key("alignment.key_agents", ValueType.NAMES, c -> List.of(), "none",
            v -> null,
            "The agents the task cannot do without. When `objective` ranks above a violation's alignment, the sanctions"
                    + " that would stop a key agent (block, mute, quarantine, and a rule's own request to block) are carried"
                    + " out as one warning; the violation is recorded as usual. With the default order nothing changes"
                    + " (the `relief` scenario shows the trade-off: docs/scenarios-guide.md).",
            "alignment.key_agents = truck", ".keyAgents(List.of(\"truck\"))", OnReload.KEPT);

    public static final Key<Integer> SINKS_QUEUE = key("sinks.queue", ValueType.WHOLE, c -> 10_000, "10000", atLeast(1),
            "How many alerts each queued sink (listeners, `ServiceLoader` sinks) may fall behind; beyond it, further"
                    + " alerts to that sink are dropped, counted and reported.",
            "sinks.queue = 50000", ".sinkQueue(50_000)", OnReload.KEPT);

    public static final Key<Boolean> SINKS_LOG = key("sinks.log", ValueType.BOOLEAN, true,
            "One SLF4J line per alert (logger `vigil.alerts`).", "sinks.log = off", ".logAlerts(false)");

    public static final Key<URI> SINKS_WEBHOOK = key("sinks.webhook", ValueType.URL.orNone(), null,
            "POST each alert's JSON (the audit log's form; withheld events are left out) to this http or https URL,"
                    + " from a queued sink of its own, so it never slows the agents ([live.md](live.md#webhook)).",
            "sinks.webhook = http://127.0.0.1:9000/vigil", ".set(Config.SINKS_WEBHOOK, URI.create(\"http://127.0.0.1:9000/vigil\"))");

    public static final Key<Integer> SINKS_WEBHOOK_RETRIES = key("sinks.webhook.retries", ValueType.WHOLE, c -> 3, "3",
            atLeast(0),
            "How many times a failed post (no answer, a 408, 429 or 5xx) is tried again, 0.5 s, 1 s, 2 s ... apart,"
                    + " before it is reported as `SINK_FAILED`; a refusal (another 4xx) is not tried again.",
            "sinks.webhook.retries = 5", ".set(Config.SINKS_WEBHOOK_RETRIES, 5)", OnReload.KEPT);

    public static final Key<Duration> SINKS_WEBHOOK_TIMEOUT = key("sinks.webhook.timeout", ValueType.DURATION,
            c -> Duration.ofSeconds(5), "5s", positive(), "How long one post may take to connect, and to be answered.",
            "sinks.webhook.timeout = 2s", ".set(Config.SINKS_WEBHOOK_TIMEOUT, Duration.ofSeconds(2))", OnReload.KEPT);

    public static final Key<Integer> LIVE_PORT = key("live.port", ValueType.PORT.orOff(), c -> null, "off", v -> null,
            "With `vigil-live` on the class path: serve the live view and its `/metrics` on this port of `live.bind`"
                    + " (`0`: any free port); the address and the operator token are printed at start ([live.md](live.md)).",
            "live.port = 8765", ".set(Config.LIVE_PORT, 8765)", OnReload.KEPT);

    public static final Key<String> LIVE_BIND = key("live.bind", ValueType.TEXT, "127.0.0.1",
            "The address the live view listens on. Anything but a loopback address lets other machines open the page"
                    + " (the operator's acts still need the token).",
            "live.bind = 0.0.0.0", ".set(Config.LIVE_BIND, \"0.0.0.0\")");

    public static final Key<Map<String, String>> VOCABULARY = family("vocabulary.FUNCTOR", ValueType.NAME, "fish",
            ValueType.NAME, Map.of(), "none", v -> null,
            "Maps a project's functor onto the rule packs' word, for message contents and actions, before any rule"
                    + " sees the event.",
            "vocabulary.fish = harvest", ".vocabulary(\"fish\", \"harvest\")");

    public static final Key<Integer> HISTORY = key("history", ValueType.WHOLE, c -> 100_000, "100000", atLeast(0),
            "How many recent violations the monitor keeps in memory for `violations()` and the agents'"
                    + " `vigil.violations`; `0` keeps none (the audit log keeps them all).",
            "history = 1000", ".history(1000)", OnReload.KEPT);

    public static final Key<Integer> COOLDOWN_SUBJECTS = key("cooldown.subjects", ValueType.WHOLE, c -> 100, "100",
            atLeast(1),
            "How many subjects a rule's `@cooldown` keeps apart per offender: a finding about a new subject is"
                    + " recorded until this many are cooling down; beyond them, findings are counted and summarised in a"
                    + " `suppressed` record (`N more like this from X in T s`), so a flood of distinct subjects cannot"
                    + " flood the audit log. What lies beyond gets the decision of the offender's latest violation of the rule.",
            "cooldown.subjects = 20", ".set(Config.COOLDOWN_SUBJECTS, 20)", OnReload.KEPT);

    public static final Key<Boolean> SANCTIONS = key("sanctions", ValueType.BOOLEAN, true,
            "`off` is observe mode: violations are still recorded and alerted, but no sanction is applied, nothing is"
                    + " blocked and reputations do not change.",
            "sanctions = off", ".sanctions(false)");

    public static final Key<String> BUS = key("bus", ValueType.ADDRESS.orNone(), null,
            "The event bus that joins the monitors of several JVMs into one society ([distributed.md](distributed.md)):"
                    + " each JVM keeps its gate and publishes every judged event; the watch rules run in the watch service"
                    + " (`./vigil watch`), which sends the sanctions back. With none, nothing of the bus is loaded. Needs"
                    + " `vigil-bus` on the classpath.",
            "bus = kafka://127.0.0.1:9092", ".bus(\"kafka://127.0.0.1:9092\")");

    public static final Key<Integer> BUS_SPOOL = key("bus.spool", ValueType.WHOLE, c -> 1_000_000, "1000000", atLeast(1),
            "How many events may wait on disk (in `OUT/spool`) while the bus is unreachable. When it is full, `fail`"
                    + " decides: `open` lets the agents go on and drops the newest events from the bus, `closed` withholds"
                    + " the agents' messages and actions until there is room; either way it is logged as an error and"
                    + " recorded in the audit log.",
            "bus.spool = 100_000", ".busSpool(100_000)", OnReload.KEPT);

    public static final Key<Map<String, String>> BUS_KAFKA = family("bus.kafka.PROPERTY", ValueType.NAME, "security.protocol",
            ValueType.TEXT, Map.of(), "none", v -> null,
            "Handed as it is to the bus's Kafka clients (the JVMs' and the watch service's producers, consumers and"
                    + " admin) as their property PROPERTY: TLS (`security.protocol = SSL`, `ssl.truststore.location`, ...),"
                    + " SASL (`sasl.mechanism`, `sasl.jaas.config`) and other client settings. A name that is not a"
                    + " Kafka client property stops start-up; the bus's own guarantees (acks, idempotence, the consumer"
                    + " group, commits) are not overridden. A file with secrets should be readable by its owner only.",
            "bus.kafka.security.protocol = SASL_SSL", ".busKafka(\"security.protocol\", \"SASL_SSL\")");

    private static ValueType<String> packDotName() {
        return new ValueType<>() {
            @Override
            String expected() {
                return "PACK.NAME";
            }

            @Override
            String parse(String v, Path base) {
                if (v.indexOf('.') <= 0) {
                    throw new ConfigException("name a parameter as PACK.NAME, e.g. params.commons.window");
                }
                return v;
            }
        };
    }

    private static ValueType<String> severity() {
        return new ValueType<>() {
            @Override
            String expected() {
                return "a severity";
            }

            @Override
            String parse(String v, Path base) {
                try {
                    return Severity.parse(v).name().toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("unknown severity '" + v + "' (low, medium, high, critical)");
                }
            }
        };
    }

    // ---- The configuration itself ----

    private final Map<Key<?>, Object> values;
    private final List<Object> facts;
    private final List<RuleSource> sources;
    private final Map<String, String> origins;

    private Config(Builder b) {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
        facts = List.copyOf(b.facts);
        sources = List.copyOf(b.sources);
        origins = Map.copyOf(b.origins);
    }

    /**
     * Where each key read from a file was set, as {@code file:line}, keyed by the key as written
     * ({@code params.secrecy.limit}); so errors found later (a pack parameter's type) still name the line.
     */
    public Map<String, String> origins() {
        return origins;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The embedded defaults. */
    public static Config defaults() {
        return builder().build();
    }

    /** Reads a duration as configuration files and rules write it: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}. */
    public static Duration parseDuration(String text) {
        return ValueType.DURATION.parse(text.strip(), null);
    }

    /** Writes a duration as configuration files do ({@code 90s} is {@code 90s}, {@code 600s} is {@code 10m}). */
    public static String formatDuration(Duration d) {
        return Durations.format(d);
    }

    /** Every key, in the order of the reference. */
    public static List<Key<?>> keys() {
        return Collections.unmodifiableList(KEYS);
    }

    /** Every key a configuration file may hold, as {@code docs/configuration.md} lists them. */
    static List<String> knownKeys() {
        return KEYS.stream().map(Key::name).toList();
    }

    /** A key's value: the one set, else its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        if (values.containsKey(key)) {
            Object v = values.get(key);
            if (key.isFamily()) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) key.defaultValue.apply(this));
                merged.putAll((Map<String, Object>) v);
                return (T) Collections.unmodifiableMap(merged);
            }
            return (T) v;
        }
        return key.defaultValue.apply(this);
    }

    /** A builder holding this configuration's settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (Map.Entry<Key<?>, Object> e : values.entrySet()) {
            Object v = e.getValue();
            b.values.put(e.getKey(), e.getKey().isFamily() ? new LinkedHashMap<>((Map<?, ?>) v) : v);
        }
        b.facts.addAll(facts);
        b.sources.addAll(sources);
        b.origins.putAll(origins);
        return b;
    }

    /** Reads a configuration file; an error names the file, the line and the key. */
    public static Config load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such configuration file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        Builder b = builder();
        Path base = file.toAbsolutePath().getParent();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = indexOfSeparator(line);
            if (eq < 0) {
                throw new ConfigException(file + ":" + (i + 1) + ": expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            Integer before = seen.putIfAbsent(key, i + 1);
            if (before != null) {
                throw new ConfigException(file + ":" + (i + 1) + ": " + key + ": already set on line " + before
                        + "; give each key once");
            }
            try {
                b.set(key, value, base);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ":" + (i + 1) + ": " + key + ": " + e.getMessage());
            }
            b.origins.put(key, file + ":" + (i + 1));
        }
        return b.build();
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    // ---- Shorthands for get(KEY), for the keys the engine reads most ----

    public List<String> rules() {
        return get(RULES);
    }

    public boolean watchRules() {
        return get(RULES_WATCH);
    }

    public Map<String, String> params() {
        return get(PARAMS);
    }

    public Path out() {
        return get(OUT);
    }

    /** The audit log, or null when disabled. */
    public Path audit() {
        return get(AUDIT);
    }

    public byte[] auditKey() {
        byte[] k = get(AUDIT_KEY);
        return k == null ? null : k.clone();
    }

    public boolean auditSync() {
        return get(AUDIT_SYNC);
    }

    /** Where to record every observed event for later replay, or null. */
    public Path trace() {
        return get(TRACE);
    }

    public FailMode fail() {
        return get(FAIL);
    }

    /**
     * Whether violations are sanctioned (the default) or only observed: with {@code sanctions = off},
     * violations are still recorded and alerted, but no sanction is applied and nothing is blocked.
     */
    public boolean sanctions() {
        return get(SANCTIONS);
    }

    public int watchQueue() {
        return get(WATCH_QUEUE);
    }

    public Duration retention() {
        return get(WATCH_RETENTION);
    }

    /**
     * The expiry the rule engine itself gives each event the watch inserts ({@code watch.hold = retention}), or
     * null when the watch lets its events go itself (the default).
     */
    Duration engineExpiry() {
        return get(WATCH_HOLD) == Hold.RETENTION ? retention() : null;
    }

    public Duration tick() {
        return get(WATCH_TICK);
    }

    public ClockMode clock() {
        return get(CLOCK);
    }

    /** The escalation policy for a value: its own, else {@code escalation.default}, else the rules decide. */
    public EscalationPolicy escalation(String value) {
        Map<String, EscalationPolicy> all = get(ESCALATION);
        EscalationPolicy p = all.get(value);
        if (p == null) {
            p = all.get("default");
        }
        return p == null ? EscalationPolicy.RULES_DECIDE : p;
    }

    public Map<String, EscalationPolicy> escalations() {
        return get(ESCALATION);
    }

    public double initialReputation() {
        return get(REPUTATION_INITIAL);
    }

    /** The reputation lost for each violation of this severity. */
    public double penalty(Severity s) {
        return get(REPUTATION_PENALTY).get(s.name().toLowerCase(Locale.ROOT));
    }

    /** The agent told by a {@code notify} sanction that names nobody, or null. */
    public String supervisor() {
        return get(SUPERVISOR);
    }

    /** The event bus address ({@code kafka://HOST:PORT,...}), or null: the single-JVM embedded monitor. */
    public String bus() {
        return get(BUS);
    }

    /** How many events may wait on disk for an unreachable bus before the fail mode decides. */
    public int busSpool() {
        return get(BUS_SPOOL);
    }

    /** The properties handed to the bus's Kafka clients ({@code bus.kafka.PROPERTY}), by property name. */
    public Map<String, String> busKafka() {
        return get(BUS_KAFKA);
    }

    /** The order in which alignments prevail when their rules conflict, the first highest. */
    public List<Alignment> alignmentOrder() {
        return get(ALIGNMENT_ORDER);
    }

    /** The agents the task cannot do without. */
    public List<String> keyAgents() {
        return get(KEY_AGENTS);
    }

    /**
     * Whether a key agent is spared the sanctions that stop it (block, mute, quarantine) for a violation of
     * {@code level}: when the objective ranks above that level, it is warned instead.
     */
    public boolean spares(String agent, Alignment level) {
        List<Alignment> order = alignmentOrder();
        return keyAgents().contains(agent) && order.indexOf(Alignment.OBJECTIVE) < order.indexOf(level);
    }

    public int sinkQueue() {
        return get(SINKS_QUEUE);
    }

    public boolean logAlerts() {
        return get(SINKS_LOG);
    }

    /** A project's functors mapped onto the packs' vocabulary: {@code fish -> harvest}. */
    public Map<String, String> vocabulary() {
        return get(VOCABULARY);
    }

    public int history() {
        return get(HISTORY);
    }

    /** Facts inserted into both the gate and the watch before any event (set in code only). */
    public List<Object> facts() {
        return facts;
    }

    /** Rules given as text in code, compiled with those of the {@code rules} locations (set in code only). */
    public List<RuleSource> sources() {
        return sources;
    }

    /** Every setting, key by key as a file would write it (a secret shows only as set). */
    public Map<String, String> describe() {
        Map<String, String> m = new TreeMap<>();
        for (Key<?> k : KEYS) {
            describe(k, m);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private <T> void describe(Key<T> k, Map<String, String> m) {
        T v = get(k);
        if (k.isFamily()) {
            Family<Object> f = (Family<Object>) k.family;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                m.put(f.prefix + e.getKey(), f.valueType.format(e.getValue()));
            }
        } else {
            m.put(k.name, v == null ? "none" : k.type.format(v));
        }
    }

    /** The reference table of {@code docs/configuration.md}, generated from the declarations. */
    public static String reference() {
        StringBuilder sb = new StringBuilder();
        sb.append("| key | default | meaning | example | in code (`Config.builder()`) | on reload |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Key<?> k : KEYS) {
            String def = k.defaultText.startsWith("`") || k.defaultText.contains(" ") ? k.defaultText : "`" + k.defaultText + "`";
            sb.append("| `").append(k.name).append("` | ").append(def).append(" | ").append(k.doc).append(" | `")
                    .append(k.example).append("` | `").append(k.code).append("` | ")
                    .append(k.onReload == OnReload.KEPT ? "kept" : "read again").append(" |\n");
        }
        return sb.toString();
    }

    /** Builds a configuration; each value is checked as it is set, against its key's declaration. Not thread-safe. */
    public static final class Builder {
        private final Map<Key<?>, Object> values = new LinkedHashMap<>();
        private final List<Object> facts = new ArrayList<>();
        private final List<RuleSource> sources = new ArrayList<>();
        private final Map<String, String> origins = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets a key; a value its declaration refuses throws a {@link ConfigException} naming the key. */
        public <T> Builder set(Key<T> key, T value) {
            if (key.isFamily()) {
                throw new IllegalArgumentException(key.name + " is a family of keys: set one member with member(...)");
            }
            try {
                key.check(value);
            } catch (ConfigException e) {
                throw new ConfigException(key.name + ": " + e.getMessage());
            }
            values.put(key, value);
            return this;
        }

        /** Sets one member of a family key, e.g. {@code member(Config.VOCABULARY, "fish", "harvest")}. */
        @SuppressWarnings("unchecked")
        public <V> Builder member(Key<Map<String, V>> key, String member, V value) {
            Family<V> f = (Family<V>) key.family;
            if (f == null) {
                throw new IllegalArgumentException(key.name + " is not a family of keys");
            }
            String name;
            try {
                name = f.memberType.parse(member, null);
            } catch (ConfigException e) {
                throw new ConfigException(f.prefix + member + ": " + e.getMessage());
            }
            String problem = f.check.apply(value);
            if (problem != null) {
                throw new ConfigException(f.prefix + name + ": " + problem);
            }
            ((Map<String, V>) values.computeIfAbsent(key, k -> new LinkedHashMap<String, V>())).put(name, value);
            return this;
        }

        /** Sets one key as it is written in a configuration file; relative paths resolve against {@code base}. */
        public Builder set(String key, String value, Path base) {
            for (Key<?> k : KEYS) {
                if (k.isFamily() ? key.startsWith(k.family.prefix) : key.equals(k.name)) {
                    return setText(k, key, value, base);
                }
            }
            throw new ConfigException("unknown key" + didYouMean(key) + " (known: " + String.join(", ", knownKeys()) + ")");
        }

        @SuppressWarnings("unchecked")
        private <T> Builder setText(Key<T> k, String key, String value, Path base) {
            if (k.isFamily()) {
                Family<Object> f = (Family<Object>) k.family;
                String member = key.substring(f.prefix.length());
                if (member.isEmpty()) {
                    throw new ConfigException("name the " + f.member.toLowerCase(Locale.ROOT) + " after the dot: " + k.name
                            + ", e.g. " + f.prefix + f.memberExample);
                }
                String name = f.memberType.parse(member, base);
                Object v = f.valueType.parse(value, base);
                String problem = f.check.apply(v);
                if (problem != null) {
                    throw new ConfigException(problem);
                }
                ((Map<String, Object>) values.computeIfAbsent(k, x -> new LinkedHashMap<String, Object>())).put(name, v);
                return this;
            }
            T v = k.type.parse(value, base);
            k.check(v);
            values.put(k, v);
            return this;
        }

        /** {@code "; did you mean 'x'?"} for the known key nearest to a misspelt one, or nothing if none is near. */
        static String didYouMean(String key) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Key<?> k : KEYS) {
                String candidate;
                int d;
                if (k.isFamily()) {
                    // A family such as vocabulary.FUNCTOR: compare the key's head with the family's prefix.
                    String prefix = k.family.prefix;
                    long dots = prefix.chars().filter(c -> c == '.').count();
                    int end = 0;
                    for (int n = 0; n < dots && end >= 0; n++) {
                        end = key.indexOf('.', n == 0 ? 0 : end + 1);
                    }
                    String head = end < 0 ? key + "." : key.substring(0, end + 1);
                    String tail = end < 0 ? k.family.member : key.substring(end + 1);
                    d = Names.distance(head, prefix);
                    candidate = prefix + (tail.isEmpty() ? k.family.member : tail);
                } else {
                    d = Names.distance(key, k.name);
                    candidate = k.name;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
            return best != null && bestDistance <= Math.max(2, key.length() / 4) ? " '" + key + "'; did you mean '" + best + "'?"
                    : " '" + key + "'";
        }

        public Config build() {
            return new Config(this);
        }

        // ---- Code-only settings: they have no file form ----

        /** A fact for both the gate and the watch, e.g. a principal's preferences. */
        public Builder fact(Object fact) {
            facts.add(Objects.requireNonNull(fact, "fact"));
            return this;
        }

        /** Rules given as text, compiled with those of the {@code rules} locations. */
        public Builder rules(RuleSource... s) {
            sources.addAll(List.of(s));
            return this;
        }

        // ---- Shorthands for set(KEY, value) and member(KEY, ...) ----

        /** Replaces the rule locations: {@value Config#CLASSPATH} for the packs on the classpath, or files and folders. */
        public Builder rules(List<String> locations) {
            return set(RULES, List.copyOf(locations));
        }

        /** Reloads the rules when a file in a rule folder changes. */
        public Builder watchRules(boolean on) {
            return set(RULES_WATCH, on);
        }

        public Builder param(String packDotName, String value) {
            return member(PARAMS, packDotName, value);
        }

        public Builder out(Path dir) {
            return set(OUT, dir);
        }

        /** The audit log file, or null to keep none. */
        public Builder audit(Path file) {
            return set(AUDIT, file);
        }

        /** A secret that seals audit records with HMAC-SHA-256 instead of a plain hash. */
        public Builder auditKey(byte[] key) {
            return set(AUDIT_KEY, key == null ? null : key.clone());
        }

        public Builder auditSync(boolean on) {
            return set(AUDIT_SYNC, on);
        }

        public Builder trace(Path file) {
            return set(TRACE, file);
        }

        public Builder fail(FailMode mode) {
            return set(FAIL, mode);
        }

        /** Sanctions on (the default), or off: observe mode, where violations are recorded and alerted only. */
        public Builder sanctions(boolean on) {
            return set(SANCTIONS, on);
        }

        public Builder watchQueue(int capacity) {
            return set(WATCH_QUEUE, capacity);
        }

        public Builder retention(Duration d) {
            return set(WATCH_RETENTION, d);
        }

        public Builder tick(Duration d) {
            return set(WATCH_TICK, d);
        }

        public Builder clock(ClockMode mode) {
            return set(CLOCK, mode);
        }

        /** The escalation policy for a value ({@code default} for every value without its own). */
        public Builder escalation(String value, EscalationPolicy policy) {
            return member(ESCALATION, value, policy);
        }

        public Builder initialReputation(double r) {
            return set(REPUTATION_INITIAL, r);
        }

        public Builder penalty(Severity s, double amount) {
            return member(REPUTATION_PENALTY, s.name().toLowerCase(Locale.ROOT), amount);
        }

        public Builder supervisor(String agent) {
            return set(SUPERVISOR, agent);
        }

        public Builder alignmentOrder(List<Alignment> order) {
            return set(ALIGNMENT_ORDER, List.copyOf(order));
        }

        public Builder keyAgents(List<String> agents) {
            return set(KEY_AGENTS, List.copyOf(agents));
        }

        public Builder sinkQueue(int capacity) {
            return set(SINKS_QUEUE, capacity);
        }

        public Builder logAlerts(boolean on) {
            return set(SINKS_LOG, on);
        }

        /** Maps a project's functor onto the packs' vocabulary, e.g. {@code vocabulary("fish", "harvest")}. */
        public Builder vocabulary(String theirs, String ours) {
            return member(VOCABULARY, theirs, ValueType.NAME.parse(ours, null));
        }

        public Builder history(int max) {
            return set(HISTORY, max);
        }

        /** The event bus address ({@code kafka://HOST:PORT,...}), or null for none. */
        public Builder bus(String address) {
            return set(BUS, address == null ? null : ValueType.ADDRESS.parse(address, null));
        }

        /** One property handed to the bus's Kafka clients, e.g. {@code busKafka("security.protocol", "SSL")}. */
        public Builder busKafka(String property, String value) {
            return member(BUS_KAFKA, property, value);
        }

        public Builder busSpool(int events) {
            return set(BUS_SPOOL, events);
        }
    }
}
