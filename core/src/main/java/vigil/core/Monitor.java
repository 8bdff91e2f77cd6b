package vigil.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Alert.SystemAlert;
import vigil.core.Alert.WithheldAlert;
import vigil.core.Findings.Finding;

/**
 * A running monitor: judges events against the rules, keeps the violations, sanctions and reputations, and
 * raises alerts. Create one with {@link Vigil#builder()}. All methods are thread-safe; {@link #judge} is
 * called by agents' threads and answers in the caller's thread.
 */
public final class Monitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final Config config;
    private final RuleSet ruleSet;
    private final AlertDispatcher alerts;
    private final SanctionsInForce sanctions = new SanctionsInForce();
    private final ReputationLedger ledger;
    private final Sentencer sentencer;
    private final Gate gate;
    private final Watch watch;
    private final RuleFolderWatcher folderWatcher;
    private final Map<String, String> vocabulary;
    private final LongAdder observed = new LongAdder();
    private final LongAdder allowed = new LongAdder();
    private final LongAdder flagged = new LongAdder();
    private final LongAdder blocked = new LongAdder();
    private final LongAdder withheld = new LongAdder();
    private final LongAdder engineErrors = new LongAdder();
    private final LongAdder undeliverable = new LongAdder();
    /** Messages to receivers that do not exist, counted per sender and summarised. */
    private final Tally nowhere = new Tally();
    private static final long UNDELIVERABLE_EVERY_MS = 10_000;
    private volatile CompiledRules book;
    /** Some rule in force names {@code senderBelief} ({@link #needsSenderBelief}). */
    private volatile boolean rulesReadBelief;
    /** An observer was added: it may read every event whole. */
    private volatile boolean observers;
    /** A trace is kept. */
    private final boolean traced;
    private volatile boolean closed;
    /** The bus to other JVMs' monitors, or null: the watch rules then run here. */
    private volatile Bus bus;
    /** Which agents run in this JVM: with a bus, only their events are published here. */
    private volatile Platform platform = Platform.NONE;
    private final List<AutoCloseable> extensions = new java.util.concurrent.CopyOnWriteArrayList<>();

    Monitor(Config config, RuleSet ruleSet, CompiledRules book, AlertDispatcher alerts) throws IOException {
        this.config = config;
        this.ruleSet = ruleSet;
        this.book = book;
        this.alerts = alerts;
        this.ledger = new ReputationLedger(config.initialReputation());
        this.sentencer = new Sentencer(config, alerts, sanctions, ledger);
        this.vocabulary = config.vocabulary();
        this.rulesReadBelief = readsBelief(book);
        this.traced = config.trace() != null;
        this.gate = new Gate(book, config.facts(), config.get(Config.ADMISSION));
        this.watch = new Watch(book, config, new Watch.Judge() {
            @Override
            public void found(List<Finding> findings, CompiledRules b) {
                sentencer.sentence(findings, b.packVersions(), false);
            }

            @Override
            public void failed(RuntimeException e, String what) {
                engineError("watch", what, e);
            }
        });
        // Evidence an alert cites is in the trace before the alert is in the audit log (a kill -9 cannot part them).
        alerts.beforeRecording(watch::keepCited);
        watch.start();
        this.folderWatcher = config.watchRules() ? RuleFolderWatcher.start(ruleSet.folders(), this::reload) : null;
        alerts.dispatch(new SystemAlert(SystemAlert.Kind.STARTED, "monitor started with " + describe(book), now()));
    }

    /** {@code 2 rules in secrecy}, {@code 1 rule in honesty, privacy}: the packs' versions stay in the audit records. */
    private static String describe(CompiledRules b) {
        long judging = b.rules().stream().filter(RuleInfo::judges).count();
        return judging + (judging == 1 ? " rule" : " rules") + " in " + String.join(", ", new java.util.TreeSet<>(b.packVersions().keySet()));
    }

    /** The monitor's notion of now: the wall clock in live mode. */
    private long now() {
        return System.currentTimeMillis();
    }

    /**
     * Judges one event before it takes effect and answers in the caller's thread. A blocked event must not
     * be delivered or performed. Waits when the watch's queue is full.
     */
    public Verdict judge(Event event) {
        if (closed) {
            throw new IllegalStateException("the monitor is closed");
        }
        observed.increment();
        // Mapped first, so the trace, the alerts and the rules all see the event in the packs' words,
        // whether it is judged or withheld.
        Event e = vocabulary.isEmpty() ? event : mapVocabulary(event);
        if (sanctions.anyInForce()) {
            String reason = sanctionInForce(e);
            if (reason != null) {
                withheld.increment();
                alerts.dispatch(new WithheldAlert(e, reason));
                handOn(e, false);
                return Verdict.block(reason);
            }
        }
        List<Finding> found;
        try {
            found = gate.judge(e);
        } catch (RuntimeException ex) {
            engineError("gate", "judging event " + e.id(), ex);
            if (config.fail() == Config.FailMode.CLOSED) {
                blocked.increment();
                alerts.dispatch(new WithheldAlert(e, "a gate rule failed and the monitor fails closed"));
                handOn(e, false);
                return Verdict.block("a rule failed while judging this event (fail-closed)");
            }
            return allow(e);
        }
        if (found.isEmpty()) {
            return allow(e);
        }
        long auditFailuresBefore = alerts.synchronousFailures();
        Sentencer.Sentence sentence = sentencer.sentence(found, gate.book().packVersions(), true);
        List<Violation> vs = sentence.violations();
        String blockReason = sentence.blockReason();
        if (blockReason == null && !vs.isEmpty() && config.fail() == Config.FailMode.CLOSED
                && alerts.synchronousFailures() != auditFailuresBefore) {
            // Fail-closed: an event whose violation could not be recorded does not take effect.
            blockReason = "the audit log could not record this event's violation (fail-closed)";
        }
        if (!config.sanctions()) {
            blockReason = null;
        }
        if (blockReason != null) {
            blocked.increment();
            if (vs.isEmpty() && !sentence.counted()) {
                // Only a repeat held back by a cooldown asked for the block: no violation alert says why. (Beyond
                // the subjects a cooldown keeps, a SUPPRESSED summary counts it instead: a flood stays out of the log.)
                alerts.dispatch(new WithheldAlert(e, blockReason));
            }
            handOn(e, false);
            return new Verdict(Decision.BLOCK, vs, blockReason);
        }
        if (vs.isEmpty()) {
            return allow(e);
        }
        if (!handOn(e, true)) {
            blocked.increment();
            return new Verdict(Decision.BLOCK, vs, BUS_FULL);
        }
        flagged.increment();
        return new Verdict(Decision.FLAG, vs, vs.get(0).rule() + ": " + vs.get(0).explanation());
    }

    private static final String BUS_FULL = "the bus is unreachable and its spool is full (fail-closed)";

    private Verdict allow(Event e) {
        if (!handOn(e, true)) {
            blocked.increment();
            return Verdict.block(BUS_FULL);
        }
        allowed.increment();
        return Verdict.ALLOW;
    }

    /**
     * Gives a judged event to the watch, or with a bus to the bus (the local watch then only traces it).
     * False when the bus could not keep an event that was to take effect and the monitor fails closed.
     */
    private boolean handOn(Event e, boolean tookEffect) {
        Bus b = bus;
        if (b == null) {
            watch.submit(e, tookEffect);
            return true;
        }
        if (!platform.hosts(e.agent())) {
            // Judged by this JVM's gate for its own agents; the JVM that hosts the agent puts it on the bus.
            watch.submit(e, false);
            return true;
        }
        boolean kept = b.publish(e, tookEffect);
        if (!kept && tookEffect && config.fail() == Config.FailMode.CLOSED) {
            watch.submit(e, false);
            return false;
        }
        watch.submit(e, false);
        return true;
    }

    /**
     * Feeds the watch an event judged by another JVM's gate (the watch service of a bus): it goes through
     * the watch rules as if judged here, without the gate. Waits when the watch's queue is full.
     */
    public void observe(Event event) {
        if (closed) {
            throw new IllegalStateException("the monitor is closed");
        }
        watch.submit(event, true);
    }

    /** Records news from the bus (a JVM joined, left or went silent; the bus unreachable or back) as a {@code BUS} alert. */
    public void busNews(String message) {
        alerts.dispatch(new SystemAlert(SystemAlert.Kind.BUS, message, now()));
    }

    /**
     * Applies a violation sentenced by the watch service of a bus to this JVM's agents: it is recorded here
     * (audit log, alerts, {@link #violations()}), the {@code sanctions} are put in force and carried out by
     * the enforcer. Pass only the sanctions on agents of this JVM.
     */
    public void applyRemote(Violation violation, List<AppliedSanction> sanctions) {
        if (closed) {
            throw new IllegalStateException("the monitor is closed");
        }
        sentencer.applyRemote(violation, List.copyOf(sanctions));
    }

    private String sanctionInForce(Event e) {
        String agent = e.agent();
        if (sanctions.isQuarantined(agent, e.time())) {
            return agent + " is quarantined";
        }
        if (e instanceof MessageEvent && sanctions.isMuted(agent, e.time())) {
            return agent + " is muted";
        }
        return null;
    }

    /**
     * Records what became of an action the gate judged, once the platform has its feedback: the watch's
     * rules see it (the gate does not, the action has run) and it is traced. Thread-safe; an outcome that
     * comes back after {@link #close()} is not recorded (false).
     */
    public boolean outcome(ActionOutcome outcome) {
        if (closed) {
            return false;
        }
        Event e = vocabulary.isEmpty() ? outcome : mapVocabulary(outcome);
        try {
            Bus b = bus;
            if (b == null) {
                watch.submit(e, true);
            } else {
                // The action has run: an outcome the bus cannot keep is only counted by the bus, never withheld.
                b.publish(e, true);
                watch.submit(e, false);
            }
        } catch (IllegalStateException closing) {
            return false;
        }
        return true;
    }

    private Event mapVocabulary(Event e) {
        if (e instanceof MessageEvent m) {
            String to = vocabulary.get(m.content().functor());
            return to == null ? m : m.withContent(m.content().withFunctor(to));
        }
        if (e instanceof ActionEvent a) {
            String to = vocabulary.get(a.action().functor());
            return to == null ? a : a.withAction(a.action().withFunctor(to));
        }
        if (e instanceof ActionOutcome o) {
            String to = vocabulary.get(o.action().functor());
            return to == null ? o : o.withAction(o.action().withFunctor(to));
        }
        return e;
    }

    private void engineError(String path, String what, RuntimeException e) {
        engineErrors.increment();
        LOG.debug("engine error in the {} while {}", path, what, e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = "a rule failed in the " + path + " while " + what + ": " + e.getMessage()
                + (root != e ? " (caused by " + root + ")" : "")
                + (path.equals("gate") ? "; the event was " + (config.fail() == Config.FailMode.CLOSED ? "blocked" : "allowed")
                        + " (fail-" + config.fail().name().toLowerCase() + ")" : "");
        alerts.dispatch(new SystemAlert(SystemAlert.Kind.ENGINE_ERROR, message, now()));
    }

    /**
     * Recompiles the rules from their locations. On success the new rules replace the old in both paths;
     * on failure the running rules stay and a {@code RELOAD_FAILED} alert lists the errors, one
     * {@code file:line: message} per line. What survives a swap is listed in {@code docs/configuration.md}.
     * One reload at a time, so a slow compile of old text never replaces a newer one.
     */
    public synchronized ReloadResult reload() {
        if (closed) {
            throw new IllegalStateException("the monitor is closed");
        }
        CompiledRules next;
        try {
            next = ruleSet.compile();
        } catch (RuleCompilationException e) {
            alerts.dispatch(new SystemAlert(SystemAlert.Kind.RELOAD_FAILED,
                    "the rules were not reloaded; the running rules stay. " + e.getMessage(), now()));
            return new ReloadResult(false, e.getMessage());
        } catch (RuntimeException e) {
            alerts.dispatch(new SystemAlert(SystemAlert.Kind.RELOAD_FAILED,
                    "the rules were not reloaded; the running rules stay: " + e, now()));
            return new ReloadResult(false, e.toString());
        }
        boolean reads = readsBelief(next);
        // Asked for before the new rules judge anything, and let go only once the old ones are out.
        rulesReadBelief |= reads;
        gate.swap(next);
        watch.swap(next);
        book = next;
        rulesReadBelief = reads;
        String msg = "rules reloaded: " + describe(next);
        alerts.dispatch(new SystemAlert(SystemAlert.Kind.RELOADED, msg, now()));
        return new ReloadResult(true, msg);
    }

    /** The outcome of a reload: whether the new rules are in force, and what happened in one message. */
    public record ReloadResult(boolean reloaded, String message) {
    }

    /**
     * Records an event refused before any rule saw it (an agent created under a name that is Vigil's, a
     * message that claims a sender who did not send it): counted as observed and withheld, a
     * {@code WITHHELD} alert says why, and the trace keeps it as not taken effect.
     */
    public Verdict withhold(Event event, String reason) {
        if (closed) {
            throw new IllegalStateException("the monitor is closed");
        }
        observed.increment();
        withheld.increment();
        alerts.dispatch(new WithheldAlert(event, reason));
        watch.submit(event, false);
        return Verdict.block(reason);
    }

    /**
     * Records a message that was not delivered because its receiver does not exist. It is not judged (it has
     * no effect), and it is recorded bounded: the first from each sender in an {@code UNDELIVERABLE} record,
     * the rest counted per sender and summarised ({@code N more like this from X in T s}) every 10 s of event
     * time and at close, so a flood of made-up names cannot flood the audit log. Thread-safe.
     */
    public void undeliverable(String sender, String receiver, long time) {
        if (closed) {
            return;
        }
        undeliverable.increment();
        String who = SafeText.oneLine(String.valueOf(sender), 100);
        String to = SafeText.oneLine(String.valueOf(receiver), 100);
        Tally.Note n = nowhere.count(String.valueOf(sender), "messages to receivers that do not exist", who, time,
                UNDELIVERABLE_EVERY_MS, to);
        if (n.summary() != null) {
            nowhere(n.summary());
        }
        if (n.first()) {
            alerts.dispatch(new SystemAlert(SystemAlert.Kind.UNDELIVERABLE, who + " sent a message to " + to
                    + ", which is no agent: not judged, not delivered; more from " + who + " are counted and summarised", time));
        }
    }

    private void nowhere(Tally.Summary s) {
        alerts.dispatch(new SystemAlert(SystemAlert.Kind.UNDELIVERABLE, s.kind() + ": " + s.text(), s.last()));
    }

    /**
     * Records that {@code creator} created the agent {@code child} (from {@code source}) in an
     * {@code AGENT_CREATED} record, and passes the creator's mute and quarantine in force on to the child.
     * Returns what the child inherited, in words, or null.
     */
    public String created(String child, String creator, String source) {
        String inherited = sanctions.inherit(child, creator, now());
        alerts.dispatch(new SystemAlert(SystemAlert.Kind.AGENT_CREATED, creator + " created " + child
                + (source == null ? "" : " from " + source)
                + (inherited == null ? "" : "; " + child + " inherits " + creator + "'s " + inherited), now()));
        return inherited;
    }

    /** Lifts an agent's mute and quarantine. */
    public boolean release(String agent) {
        boolean had = sanctions.release(agent);
        if (had) {
            alerts.dispatch(new SystemAlert(SystemAlert.Kind.RELEASED, agent + " released from its sanctions", now()));
        }
        return had;
    }

    /**
     * Lifts an agent's mute and quarantine on an operator's word; the audit log records who ({@code operator},
     * in the operator's words, e.g. {@code "ann (live view, 127.0.0.1)"}).
     */
    public boolean release(String agent, String operator) {
        boolean had = sanctions.release(agent);
        if (had) {
            alerts.dispatch(new SystemAlert(SystemAlert.Kind.RELEASED, agent + " released from its sanctions by "
                    + operator, now()));
        }
        return had;
    }

    /** Records in the audit log (and tells the sinks) that an operator has acknowledged an alert, named by {@code what}. */
    public void acknowledge(String what, String operator) {
        alerts.dispatch(new SystemAlert(SystemAlert.Kind.ACKNOWLEDGED, what + " acknowledged by " + operator, now()));
    }

    public boolean isMuted(String agent) {
        return sanctions.isMuted(agent, now());
    }

    public boolean isQuarantined(String agent) {
        return sanctions.isQuarantined(agent, now());
    }

    /** Whether the agent is muted at the given event time. */
    public boolean isMuted(String agent, long time) {
        return sanctions.isMuted(agent, time);
    }

    public boolean isQuarantined(String agent, long time) {
        return sanctions.isQuarantined(agent, time);
    }

    public double reputation(String agent) {
        return ledger.get(agent);
    }

    public Map<String, Double> reputations() {
        return ledger.snapshot();
    }

    /** The violations recorded so far (the latest {@code history} of them), oldest first. */
    public List<Violation> violations() {
        return sentencer.history();
    }

    /** The recorded violations the agent is held responsible for. */
    public List<Violation> violationsOf(String agent) {
        List<Violation> out = new ArrayList<>();
        for (Violation v : sentencer.history()) {
            if (v.involves(agent)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The rules in force, helper rules included. */
    public List<RuleInfo> rules() {
        return book.rules();
    }

    public Config config() {
        return config;
    }

    /** Adds a sink called from a thread of its own. */
    public void addSink(AlertSink sink) {
        alerts.add(sink);
    }

    /** Adds an observer of every event, called on the watch's thread (see {@link EventObserver}). */
    public void addObserver(EventObserver observer) {
        observers = true;
        watch.addObserver(observer);
    }

    /**
     * Whether the platform should read what the sender of a {@code tell} believes of its content
     * ({@link MessageEvent#senderBelief()}), which costs a query of the sender's belief base per tell: yes when
     * the text of some rule in force names {@code senderBelief} (honesty's do), or when something may read the
     * event whole (a trace is kept, a bus carries it, an observer is added). Otherwise it is left
     * {@link SenderBelief#NOT_CAPTURED}, and only an alert citing the message shows that. Thread-safe.
     */
    public boolean needsSenderBelief() {
        return rulesReadBelief || observers || traced || bus != null;
    }

    private static boolean readsBelief(CompiledRules b) {
        for (RuleSource s : b.sources()) {
            if (s.text().contains("senderBelief")) {
                return true;
            }
        }
        return false;
    }

    /** Waits until the watch has judged every event submitted before this call. */
    public boolean drain(long timeoutMillis) throws InterruptedException {
        return watch.drain(timeoutMillis);
    }

    /** Moves the watch's clock forward to {@code time}, firing the rules whose windows close on the way. */
    public void advanceTo(long time) {
        watch.advanceTo(time);
    }

    /** Waits until every queued sink has received what was raised so far. */
    public boolean flushAlerts(long timeoutMillis) throws InterruptedException {
        return alerts.flush(timeoutMillis);
    }

    public Stats stats() {
        return new Stats(observed.sum(), allowed.sum(), flagged.sum(), blocked.sum(), withheld.sum(), watch.queued(),
                watch.judged(), sentencer.violations(), sentencer.suppressed(), engineErrors.sum(),
                alerts.synchronousFailures(), watch.passedBy(), watch.held());
    }

    /** Judges what the watch still has queued, raises {@code STOPPED}, closes the sinks (the audit log last records its close). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Bus b = bus;
        bus = null;
        if (b != null) {
            try {
                b.close();
            } catch (RuntimeException e) {
                LOG.error("closing the bus failed: {}", e.toString());
            }
        }
        for (AutoCloseable c : extensions) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.error("closing {} failed: {}", c, e.toString());
            }
        }
        if (folderWatcher != null) {
            folderWatcher.close();
        }
        watch.close();
        boolean gateStopped = gate.close();
        // What was counted rather than recorded one by one is said before the log is sealed.
        sentencer.summariseAll();
        for (Tally.Summary t : nowhere.endAll()) {
            nowhere(t);
        }
        Stats s = stats();
        // Events in = judged by the watch + left unjudged: what was left is said, never passed over.
        long unjudged = s.observed() - s.watchJudged();
        alerts.dispatch(new SystemAlert(SystemAlert.Kind.STOPPED, "monitor stopped: " + s.observed() + " events observed, "
                + s.blocked() + " blocked, " + s.withheld() + " withheld, " + s.violations() + " violations"
                + (unjudged > 0 ? "; " + unjudged + " events left unjudged by the watch (not judged before the shutdown's deadline)" : "")
                + (s.auditFailures() > 0 ? "; " + s.auditFailures() + " alerts could not be written to the audit log" : "")
                + (gateStopped ? "" : "; a gate rule was still running at the deadline")
                + (s.suppressed() > 0 ? "; " + s.suppressed() + " findings held back by rules' cooldowns ("
                        + sentencer.beyondSubjects() + " beyond the subjects a cooldown keeps)" : "")
                + (undeliverable.sum() > 0 ? "; " + undeliverable.sum() + " messages to receivers that do not exist" : ""), now()));
        alerts.close();
    }

    /** Closes {@code c} (a {@link MonitorExtension}'s handle) when the monitor closes; null is ignored. */
    void closeWith(AutoCloseable c) {
        if (c != null) {
            extensions.add(c);
        }
    }

    /**
     * The configured sinks come first among the synchronous ones: the audit log (key {@code audit}), then
     * the log line ({@code sinks.log}), then those given to the builder; the queued sinks after.
     */
    static Monitor create(Config config, RuleSet ruleSet, List<AlertSink> synchronous, List<AlertSink> sinks, Platform platform,
            Predicate<Violation> recorded, ClassLoader loader) {
        Bus.Connector connector = config.bus() == null ? null : connector(config.bus(), loader);
        CompiledRules book = ruleSet.compile();
        AlertDispatcher alerts = new AlertDispatcher(config.sinkQueue(), System::currentTimeMillis);
        try {
            List<AlertSink> inline = new ArrayList<>();
            if (config.audit() != null) {
                inline.add(new AuditLog(config.audit(), config.auditKey(), config.auditSync()));
            }
            if (config.logAlerts()) {
                inline.add(new LogSink());
            }
            inline.addAll(synchronous);
            for (AlertSink s : inline) {
                alerts.addSynchronous(s);
            }
            if (config.get(Config.SINKS_WEBHOOK) != null) {
                alerts.add(new WebhookSink(config.get(Config.SINKS_WEBHOOK), config.get(Config.SINKS_WEBHOOK_RETRIES),
                        config.get(Config.SINKS_WEBHOOK_TIMEOUT)));
            }
            for (AlertSink s : sinks) {
                alerts.add(s);
            }
            Monitor m = new Monitor(config, ruleSet, book, alerts);
            m.sentencer.platform(platform);
            m.platform = platform == null ? Platform.NONE : platform;
            m.sentencer.recorded(recorded);
            if (connector != null) {
                try {
                    m.bus = connector.connect(config.bus(), m);
                } catch (RuntimeException e) {
                    m.close();
                    throw e;
                }
            }
            return m;
        } catch (IOException e) {
            alerts.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            alerts.close();
            throw e;
        }
    }

    /** The connector for the bus's scheme, looked up only when a bus is configured. */
    private static Bus.Connector connector(String address, ClassLoader loader) {
        String scheme = address.substring(0, address.indexOf(':'));
        for (Bus.Connector c : ServiceLoader.load(Bus.Connector.class, loader)) {
            if (c.scheme().equals(scheme)) {
                return c;
            }
        }
        throw new ConfigException("bus = " + address + ": no bus for '" + scheme + "://' on the classpath"
                + (scheme.equals("kafka") ? " (add vigil-bus and kafka-clients)" : ""));
    }
}
