package vigil.core;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vigil's configuration: built in code with {@link #builder()} or read from a file of {@code key = value}
 * lines ({@code #} starts a comment). Every key and its default is listed in {@code docs/configuration.md};
 * with no file at all the defaults apply: the rule packs on the classpath, output under {@code vigil-out/}.
 * Immutable.
 */
public final class Config {

    /** What the monitor does when it cannot judge an event (a rule threw, the monitor could not start). */
    public enum FailMode { OPEN, CLOSED }

    /** Which time drives the watch's windows: the wall clock (live agents) or only the events' own times (replay). */
    public enum ClockMode { LIVE, EVENTS }

    /** The word for the classpath rule packs in the {@code rules} list. */
    public static final String CLASSPATH = "classpath";

    private final List<String> rules;
    private final boolean watchRules;
    private final Map<String, String> params;
    private final Path out;
    private final Path audit;
    private final byte[] auditKey;
    private final boolean auditSync;
    private final Path trace;
    private final FailMode fail;
    private final boolean sanctions;
    private final int watchQueue;
    private final Duration retention;
    private final Duration tick;
    private final ClockMode clock;
    private final Map<String, EscalationPolicy> escalation;
    private final double initialReputation;
    private final Map<Severity, Double> penalties;
    private final String supervisor;
    private final int sinkQueue;
    private final boolean logAlerts;
    private final URI webhook;
    private final int webhookRetries;
    private final Duration webhookTimeout;
    private final Integer livePort;
    private final String liveBind;
    private final Map<String, String> vocabulary;
    private final int history;
    private final List<Object> facts;

    private Config(Builder b) {
        rules = List.copyOf(b.rules);
        watchRules = b.watchRules;
        params = Map.copyOf(b.params);
        out = b.out;
        audit = b.auditSet ? b.audit : out.resolve("audit.jsonl");
        auditKey = b.auditKey == null ? null : b.auditKey.clone();
        auditSync = b.auditSync;
        trace = b.trace;
        fail = b.fail;
        sanctions = b.sanctions;
        watchQueue = b.watchQueue;
        retention = b.retention;
        tick = b.tick;
        clock = b.clock;
        escalation = Map.copyOf(b.escalation);
        initialReputation = b.initialReputation;
        penalties = Map.copyOf(b.penalties);
        supervisor = b.supervisor;
        sinkQueue = b.sinkQueue;
        logAlerts = b.logAlerts;
        webhook = b.webhook;
        webhookRetries = b.webhookRetries;
        webhookTimeout = b.webhookTimeout;
        livePort = b.livePort;
        liveBind = b.liveBind;
        vocabulary = Map.copyOf(b.vocabulary);
        history = b.history;
        facts = List.copyOf(b.facts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The embedded defaults. */
    public static Config defaults() {
        return builder().build();
    }

    /** Every key a configuration file may hold, as {@code docs/configuration.md} lists them. */
    static List<String> knownKeys() {
        return Builder.KNOWN;
    }

    /** A builder holding this configuration's settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.rules = new ArrayList<>(rules);
        b.watchRules = watchRules;
        b.params = new LinkedHashMap<>(params);
        b.out = out;
        b.audit = audit;
        b.auditSet = true;
        b.auditKey = auditKey;
        b.auditSync = auditSync;
        b.trace = trace;
        b.fail = fail;
        b.sanctions = sanctions;
        b.watchQueue = watchQueue;
        b.retention = retention;
        b.tick = tick;
        b.clock = clock;
        b.escalation = new LinkedHashMap<>(escalation);
        b.initialReputation = initialReputation;
        b.penalties = new LinkedHashMap<>(penalties);
        b.supervisor = supervisor;
        b.sinkQueue = sinkQueue;
        b.logAlerts = logAlerts;
        b.webhook = webhook;
        b.webhookRetries = webhookRetries;
        b.webhookTimeout = webhookTimeout;
        b.livePort = livePort;
        b.liveBind = liveBind;
        b.vocabulary = new LinkedHashMap<>(vocabulary);
        b.history = history;
        b.facts = new ArrayList<>(facts);
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
            } catch (ConfigException | IllegalArgumentException e) {
                throw new ConfigException(file + ":" + (i + 1) + ": " + key + ": " + e.getMessage());
            }
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

    public List<String> rules() {
        return rules;
    }

    public boolean watchRules() {
        return watchRules;
    }

    public Map<String, String> params() {
        return params;
    }

    public Path out() {
        return out;
    }

    /** The audit log, or null when disabled. */
    public Path audit() {
        return audit;
    }

    public byte[] auditKey() {
        return auditKey == null ? null : auditKey.clone();
    }

    public boolean auditSync() {
        return auditSync;
    }

    /** Where to record every observed event for later replay, or null. */
    public Path trace() {
        return trace;
    }

    public FailMode fail() {
        return fail;
    }

    /**
     * Whether violations are sanctioned (the default) or only observed: with {@code sanctions = off},
     * violations are still recorded and alerted, but no sanction is applied and nothing is blocked.
     */
    public boolean sanctions() {
        return sanctions;
    }

    public int watchQueue() {
        return watchQueue;
    }

    public Duration retention() {
        return retention;
    }

    public Duration tick() {
        return tick;
    }

    public ClockMode clock() {
        return clock;
    }

    /** The escalation policy for a value: its own, else {@code escalation.default}, else the rules decide. */
    public EscalationPolicy escalation(String value) {
        EscalationPolicy p = escalation.get(value);
        if (p == null) {
            p = escalation.get("default");
        }
        return p == null ? EscalationPolicy.RULES_DECIDE : p;
    }

    public Map<String, EscalationPolicy> escalations() {
        return escalation;
    }

    public double initialReputation() {
        return initialReputation;
    }

    /** The reputation lost for each violation of this severity. */
    public double penalty(Severity s) {
        return penalties.get(s);
    }

    /** The agent told by a {@code notify} sanction that names nobody, or null. */
    public String supervisor() {
        return supervisor;
    }

    public int sinkQueue() {
        return sinkQueue;
    }

    public boolean logAlerts() {
        return logAlerts;
    }

    /** Where the webhook sink posts each alert's JSON; null for no webhook. */
    public URI webhook() {
        return webhook;
    }

    public int webhookRetries() {
        return webhookRetries;
    }

    public Duration webhookTimeout() {
        return webhookTimeout;
    }

    /** The live view's port (0: any free one), read by vigil-live; null when the live view is off. */
    public Integer livePort() {
        return livePort;
    }

    /** The address the live view binds: the loopback address unless an operator chose another. */
    public String liveBind() {
        return liveBind;
    }

    /** A project's functors mapped onto the packs' vocabulary: {@code fish -> harvest}. */
    public Map<String, String> vocabulary() {
        return vocabulary;
    }

    public int history() {
        return history;
    }

    /** Facts inserted into both the gate and the watch before any event (set in code only). */
    public List<Object> facts() {
        return facts;
    }

    /** Builds a configuration; every setter checks its value. */
    public static final class Builder {
        private List<String> rules = new ArrayList<>(List.of(CLASSPATH));
        private boolean watchRules;
        private Map<String, String> params = new LinkedHashMap<>();
        private Path out = Path.of("vigil-out");
        private Path audit;
        private boolean auditSet;
        private byte[] auditKey;
        private boolean auditSync;
        private Path trace;
        private FailMode fail = FailMode.OPEN;
        private boolean sanctions = true;
        private int watchQueue = 65_536;
        private Duration retention = Duration.ofMinutes(10);
        private Duration tick = Duration.ofSeconds(1);
        private ClockMode clock = ClockMode.LIVE;
        private Map<String, EscalationPolicy> escalation = new LinkedHashMap<>();
        private double initialReputation = 1.0;
        private Map<Severity, Double> penalties = new LinkedHashMap<>(Map.of(
                Severity.LOW, 0.02, Severity.MEDIUM, 0.05, Severity.HIGH, 0.1, Severity.CRITICAL, 0.2));
        private String supervisor;
        private int sinkQueue = 10_000;
        private boolean logAlerts = true;
        private URI webhook;
        private int webhookRetries = 3;
        private Duration webhookTimeout = Duration.ofSeconds(5);
        private Integer livePort;
        private String liveBind = "127.0.0.1";
        private Map<String, String> vocabulary = new LinkedHashMap<>();
        private int history = 100_000;
        private List<Object> facts = new ArrayList<>();

        private Builder() {
        }

        /** Replaces the rule locations: {@value Config#CLASSPATH} for the packs on the classpath, or files and folders. */
        public Builder rules(List<String> locations) {
            if (locations.isEmpty()) {
                throw new ConfigException("rules: give at least one location (" + CLASSPATH + ", a file or a folder)");
            }
            this.rules = new ArrayList<>(locations);
            return this;
        }

        /** Adds a rule file or folder to the locations. */
        public Builder addRules(Path location) {
            rules.add(location.toString());
            return this;
        }

        /** Reloads the rules when a file in a rule folder changes. */
        public Builder watchRules(boolean on) {
            this.watchRules = on;
            return this;
        }

        public Builder param(String packDotName, String value) {
            if (packDotName.indexOf('.') <= 0) {
                throw new ConfigException("params." + packDotName + ": name a parameter as PACK.NAME, e.g. params.commons.window");
            }
            params.put(packDotName, value);
            return this;
        }

        public Builder out(Path dir) {
            this.out = dir;
            return this;
        }

        /** The audit log file, or null to keep none. */
        public Builder audit(Path file) {
            this.audit = file;
            this.auditSet = true;
            return this;
        }

        /** A secret that seals audit records with HMAC-SHA-256 instead of a plain hash. */
        public Builder auditKey(byte[] key) {
            this.auditKey = key == null ? null : key.clone();
            return this;
        }

        public Builder auditSync(boolean on) {
            this.auditSync = on;
            return this;
        }

        public Builder trace(Path file) {
            this.trace = file;
            return this;
        }

        public Builder fail(FailMode mode) {
            this.fail = mode;
            return this;
        }

        /** Sanctions on (the default), or off: observe mode, where violations are recorded and alerted only. */
        public Builder sanctions(boolean on) {
            this.sanctions = on;
            return this;
        }

        public Builder watchQueue(int capacity) {
            if (capacity < 1) {
                throw new ConfigException("watch.queue must be at least 1, not " + capacity);
            }
            this.watchQueue = capacity;
            return this;
        }

        public Builder retention(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException("watch.retention must be positive");
            }
            this.retention = d;
            return this;
        }

        public Builder tick(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException("watch.tick must be positive");
            }
            this.tick = d;
            return this;
        }

        public Builder clock(ClockMode mode) {
            this.clock = mode;
            return this;
        }

        /** The escalation policy for a value ({@code default} for every value without its own). */
        public Builder escalation(String value, EscalationPolicy policy) {
            escalation.put(value, policy);
            return this;
        }

        public Builder initialReputation(double r) {
            if (r < 0 || r > 1) {
                throw new ConfigException("reputation.initial must be within 0..1, not " + r);
            }
            this.initialReputation = r;
            return this;
        }

        public Builder penalty(Severity s, double amount) {
            if (amount < 0 || amount > 1) {
                throw new ConfigException("reputation.penalty." + s.name().toLowerCase(Locale.ROOT) + " must be within 0..1");
            }
            penalties.put(s, amount);
            return this;
        }

        public Builder supervisor(String agent) {
            this.supervisor = agent;
            return this;
        }

        public Builder sinkQueue(int capacity) {
            if (capacity < 1) {
                throw new ConfigException("sinks.queue must be at least 1");
            }
            this.sinkQueue = capacity;
            return this;
        }

        public Builder logAlerts(boolean on) {
            this.logAlerts = on;
            return this;
        }

        /** Posts each alert's JSON to {@code url} (http or https); null for none. */
        public Builder webhook(URI url) {
            if (url != null && (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null)) {
                throw new ConfigException("sinks.webhook: expected an http:// or https:// URL with a host, got '" + url + "'");
            }
            this.webhook = url;
            return this;
        }

        public Builder webhookRetries(int retries) {
            if (retries < 0) {
                throw new ConfigException("sinks.webhook.retries must not be negative");
            }
            this.webhookRetries = retries;
            return this;
        }

        public Builder webhookTimeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new ConfigException("sinks.webhook.timeout must be positive");
            }
            this.webhookTimeout = timeout;
            return this;
        }

        /** Serves the live view on this port (0: any free one) when vigil-live is on the class path; null: off. */
        public Builder livePort(Integer port) {
            if (port != null && (port < 0 || port > 65535)) {
                throw new ConfigException("live.port must be within 0..65535 (0: any free port), or off; got " + port);
            }
            this.livePort = port;
            return this;
        }

        /** The address the live view binds; anything but the loopback address exposes it beyond this machine. */
        public Builder liveBind(String address) {
            if (address == null || address.isBlank()) {
                throw new ConfigException("live.bind: expected an address such as 127.0.0.1");
            }
            this.liveBind = address.strip();
            return this;
        }

        /** Maps a project's functor onto the packs' vocabulary, e.g. {@code vocabulary("fish", "harvest")}. */
        public Builder vocabulary(String theirs, String ours) {
            vocabulary.put(theirs, ours);
            return this;
        }

        public Builder history(int max) {
            if (max < 0) {
                throw new ConfigException("history must not be negative");
            }
            this.history = max;
            return this;
        }

        /** A fact for both the gate and the watch, e.g. a principal's preferences. */
        public Builder fact(Object fact) {
            facts.add(fact);
            return this;
        }

        public Config build() {
            return new Config(this);
        }

        /** Sets one key as it is written in a configuration file; relative paths resolve against {@code base}. */
        public Builder set(String key, String value, Path base) {
            if (key.startsWith("params.")) {
                return param(key.substring("params.".length()), value);
            }
            if (key.startsWith("escalation.")) {
                return escalation(suffix(key, "escalation.", "VALUE", "escalation.honesty"), EscalationPolicy.parse(value));
            }
            if (key.startsWith("vocabulary.")) {
                return vocabulary(word(suffix(key, "vocabulary.", "FUNCTOR", "vocabulary.fish")), word(value));
            }
            if (key.startsWith("reputation.penalty.")) {
                String sev = suffix(key, "reputation.penalty.", "SEVERITY", "reputation.penalty.high");
                Severity s;
                try {
                    s = Severity.parse(sev);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("unknown severity '" + sev + "' (low, medium, high, critical)");
                }
                return penalty(s, number(value));
            }
            switch (key) {
                case "rules" -> {
                    List<String> locs = new ArrayList<>();
                    for (String part : value.split(",")) {
                        String p = part.strip();
                        if (!p.isEmpty()) {
                            locs.add(p.equals(CLASSPATH) || base == null ? p : base.resolve(p).normalize().toString());
                        }
                    }
                    return rules(locs);
                }
                case "rules.watch" -> {
                    return watchRules(bool(value));
                }
                case "out" -> {
                    return out(path(value, base));
                }
                case "audit" -> {
                    return audit(value.equals("none") ? null : path(value, base));
                }
                case "audit.key" -> {
                    return auditKey(value.isEmpty() ? null : value.getBytes(StandardCharsets.UTF_8));
                }
                case "audit.sync" -> {
                    return auditSync(bool(value));
                }
                case "trace" -> {
                    return trace(value.equals("none") || value.isEmpty() ? null : path(value, base));
                }
                case "fail" -> {
                    return fail(switch (value.toLowerCase(Locale.ROOT)) {
                        case "open" -> FailMode.OPEN;
                        case "closed" -> FailMode.CLOSED;
                        default -> throw new ConfigException("expected 'open' or 'closed', got '" + value + "'");
                    });
                }
                case "sanctions" -> {
                    return sanctions(bool(value));
                }
                case "watch.queue" -> {
                    return watchQueue(integer(value));
                }
                case "watch.retention" -> {
                    return retention(Durations.parse(value));
                }
                case "watch.tick" -> {
                    return tick(Durations.parse(value));
                }
                case "clock" -> {
                    return clock(switch (value.toLowerCase(Locale.ROOT)) {
                        case "live" -> ClockMode.LIVE;
                        case "events" -> ClockMode.EVENTS;
                        default -> throw new ConfigException("expected 'live' or 'events', got '" + value + "'");
                    });
                }
                case "reputation.initial" -> {
                    return initialReputation(number(value));
                }
                case "supervisor" -> {
                    return supervisor(value.isEmpty() ? null : word(value));
                }
                case "sinks.queue" -> {
                    return sinkQueue(integer(value));
                }
                case "sinks.log" -> {
                    return logAlerts(bool(value));
                }
                case "sinks.webhook" -> {
                    if (value.isEmpty() || value.equals("none")) {
                        return webhook(null);
                    }
                    try {
                        return webhook(new URI(value));
                    } catch (URISyntaxException e) {
                        throw new ConfigException("expected an http:// or https:// URL, got '" + value + "': " + e.getReason());
                    }
                }
                case "sinks.webhook.retries" -> {
                    return webhookRetries(integer(value));
                }
                case "sinks.webhook.timeout" -> {
                    return webhookTimeout(Durations.parse(value));
                }
                case "live.port" -> {
                    return livePort(value.equals("off") || value.isEmpty() ? null : integer(value));
                }
                case "live.bind" -> {
                    return liveBind(value);
                }
                case "history" -> {
                    return history(integer(value));
                }
                default -> throw new ConfigException("unknown key" + didYouMean(key) + " (known: " + String.join(", ", KNOWN) + ")");
            }
        }

        /** The part of {@code key} after {@code prefix}; an error naming the expected form when it is empty. */
        private static String suffix(String key, String prefix, String what, String example) {
            String rest = key.substring(prefix.length());
            if (rest.isEmpty()) {
                throw new ConfigException("name the " + what.toLowerCase(Locale.ROOT) + " after the dot: " + prefix + what
                        + ", e.g. " + example);
            }
            return rest;
        }

        /** {@code "; did you mean 'x'?"} for the known key nearest to a misspelt one, or nothing if none is near. */
        static String didYouMean(String key) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String known : KNOWN) {
                int upper = 0;
                while (upper < known.length() && !Character.isUpperCase(known.charAt(upper))) {
                    upper++;
                }
                String candidate;
                int d;
                if (upper < known.length()) {
                    // A family such as vocabulary.FUNCTOR: compare the key's head with the family's prefix.
                    String prefix = known.substring(0, upper);
                    long dots = prefix.chars().filter(c -> c == '.').count();
                    int end = 0;
                    for (int n = 0; n < dots && end >= 0; n++) {
                        end = key.indexOf('.', n == 0 ? 0 : end + 1);
                    }
                    String head = end < 0 ? key + "." : key.substring(0, end + 1);
                    String tail = end < 0 ? known.substring(upper) : key.substring(end + 1);
                    d = distance(head, prefix);
                    candidate = prefix + (tail.isEmpty() ? known.substring(upper) : tail);
                } else {
                    d = distance(key, known);
                    candidate = known;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
            return best != null && bestDistance <= Math.max(2, key.length() / 4) ? " '" + key + "'; did you mean '" + best + "'?"
                    : " '" + key + "'";
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int same = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + same);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }

        /** Every key a configuration file may hold; upper-case parts are names the user chooses. */
        private static final List<String> KNOWN = List.of("rules", "rules.watch", "params.PACK.NAME", "out", "audit",
                "audit.key", "audit.sync", "trace", "fail", "sanctions", "watch.queue", "watch.retention", "watch.tick", "clock",
                "escalation.VALUE", "reputation.initial", "reputation.penalty.SEVERITY", "supervisor", "sinks.queue",
                "sinks.log", "sinks.webhook", "sinks.webhook.retries", "sinks.webhook.timeout", "live.port", "live.bind",
                "vocabulary.FUNCTOR", "history");

        private static Path path(String value, Path base) {
            if (value.isEmpty()) {
                throw new ConfigException("expected a path");
            }
            Path p = Path.of(value);
            return base == null || p.isAbsolute() ? p : base.resolve(p).normalize();
        }

        private static boolean bool(String v) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new ConfigException("expected on or off (or true/false, yes/no), got '" + v + "'");
            };
        }

        private static int integer(String v) {
            try {
                return Integer.parseInt(v.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new ConfigException("expected a whole number, got '" + v + "'");
            }
        }

        private static double number(String v) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new ConfigException("expected a number, got '" + v + "'");
            }
        }

        private static String word(String v) {
            if (!v.matches("[A-Za-z_][\\w.]*")) {
                throw new ConfigException("expected a name (letters, digits, _), got '" + v + "'");
            }
            return v;
        }
    }

    /** Every setting, as the summary at start-up prints them. */
    public Map<String, String> describe() {
        Map<String, String> m = new TreeMap<>();
        m.put("rules", String.join(", ", rules));
        m.put("out", out.toString());
        m.put("audit", audit == null ? "none" : audit.toString());
        m.put("trace", trace == null ? "none" : trace.toString());
        m.put("fail", fail.name().toLowerCase(Locale.ROOT));
        m.put("sanctions", sanctions ? "on" : "off");
        return m;
    }
}
