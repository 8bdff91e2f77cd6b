package vigil.core;

import java.util.ArrayDeque;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Alert.SystemAlert;
import vigil.core.Alert.ViolationAlert;
import vigil.core.Findings.Finding;

/**
 * Turns what rules found into violations and sanctions: drops repeats inside a rule's cooldown (same rule,
 * same agents, same subject), asks the escalation policy of the value what to apply to each agent held
 * responsible, records the violation (the audit log is written before anything else happens), then puts the
 * sanctions in force and has each carried out on the {@link Platform}. Called from the gate (agents'
 * threads) and the watch (the monitor thread); thread-safe.
 */
final class Sentencer {

    private static final Logger LOG = LoggerFactory.getLogger(Sentencer.class);
    /** How many cooldown entries may gather before the ones that have run out are forgotten. */
    private static final int PRUNE_AT = 10_000;

    private final Config config;
    private final AlertDispatcher alerts;
    private final SanctionsInForce book;
    private final ReputationLedger ledger;
    private volatile Platform platform = Platform.NONE;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    /** The cooldowns running, by rule and offenders, each with the subjects it keeps. */
    private final Map<String, Group> cooldowns = new ConcurrentHashMap<>();
    /** The findings beyond the subjects a cooldown keeps, counted and summarised by rule and offenders. */
    private final Tally beyond = new Tally();
    private final AtomicLong beyondCount = new AtomicLong();
    private final int subjectsKept;
    private volatile long longestCooldown;
    private volatile int pruneAt = PRUNE_AT;
    private final Deque<Violation> history = new ArrayDeque<>();
    private volatile Predicate<Violation> recorded = v -> false;

    Sentencer(Config config, AlertDispatcher alerts, SanctionsInForce book, ReputationLedger ledger) {
        this.config = config;
        this.alerts = alerts;
        this.book = book;
        this.ledger = ledger;
        this.subjectsKept = config.get(Config.COOLDOWN_SUBJECTS);
    }

    void platform(Platform p) {
        this.platform = p == null ? Platform.NONE : p;
    }

    /** Violations an earlier run already recorded: they count for escalation, and are not recorded or applied again. */
    void recorded(Predicate<Violation> p) {
        this.recorded = p == null ? v -> false : p;
    }

    /**
     * What sentencing decided for one event's findings: the violations recorded (not the repeats a cooldown
     * held back) and, for the gate, why the event is to be withheld, or null to let it through; {@code counted}
     * when that reason is only a finding beyond the subjects a cooldown keeps, which a {@code SUPPRESSED}
     * summary accounts for (so the withheld event gets no record of its own).
     */
    record Sentence(List<Violation> violations, String blockReason, boolean counted) {
    }

    /**
     * Sentences the findings. A gate finding blocks its event when its rule requests {@code block} or the
     * escalation policy applies one; a repeat held back by the cooldown is not recorded again, but gets the
     * decision of the violation that started the cooldown: blocked again if that one was (the cooldown spares
     * the alerts, not the victims).
     */
    Sentence sentence(List<Finding> findings, Map<String, String> packVersions, boolean gate) {
        List<Violation> out = new ArrayList<>(findings.size());
        String blockReason = null;
        String repeatBlocks = null;
        boolean repeatCounted = false;
        for (Finding f : findings) {
            RuleInfo r = f.rule();
            String key = r.cooldown().isZero() ? null : groupKey(f);
            String subject = key == null ? null : subjectKey(f.subject());
            if (key != null) {
                Held held = holdBack(key, subject, f, gate && r.sanctions().stream().anyMatch(Sanction::blocks));
                if (held != Held.RECORD) {
                    suppressed.incrementAndGet();
                    boolean past = held == Held.BEYOND_BLOCKED || held == Held.BEYOND;
                    if (past) {
                        beyondCount.incrementAndGet();
                        countBeyond(key, f);
                    }
                    if (gate && (held == Held.REPEAT_BLOCKED || held == Held.BEYOND_BLOCKED) && repeatBlocks == null) {
                        repeatBlocks = r.name() + ": " + f.explanation() + (past
                                ? " (beyond the subjects the rule's cooldown keeps)" : " (a repeat within the rule's cooldown)");
                        repeatCounted = past;
                    }
                    continue;
                }
                // A new subject has room again: what was held back a cooldown ago or more is summarised first.
                Tally.Summary ended = beyond.endIfOver(key, f.time(), Math.max(1, r.cooldown().toMillis()));
                if (ended != null) {
                    summarise(ended);
                }
            }
            List<String> evidence = new ArrayList<>(f.evidence().size());
            for (Event e : f.evidence()) {
                evidence.add(e.id());
            }
            Violation v = new Violation("v" + ids.incrementAndGet(), r.name(), r.pack(),
                    packVersions.getOrDefault(r.pack(), r.packVersion()), r.value(), r.level(), r.severity(),
                    gate ? RulePath.GATE : RulePath.WATCH, f.offenders(), evidence, f.explanation(), f.time(),
                    r.sanctions());
            // Observe mode (sanctions = off): the violation is recorded and alerted, nothing is applied or blocked.
            boolean sanctioning = config.sanctions();
            List<AppliedSanction> applied = sanctioning ? decide(v) : List.of();
            if (recorded.test(v)) {
                // Judged again after a restart (a replay, a re-delivery): its breaches count, nothing else repeats.
                suppressed.incrementAndGet();
                continue;
            }
            // A rule's own request to block yields, like the ladder's stopping sanctions, when every agent held is spared.
            boolean requested = v.requestsBlock() && !v.agents().stream().allMatch(a -> config.spares(a, v.level()));
            Decision decision = gate && sanctioning && (requested || blocks(applied)) ? Decision.BLOCK : Decision.FLAG;
            alerts.dispatch(new ViolationAlert(v, applied, decision, f.evidence()));
            if (decision == Decision.BLOCK && blockReason == null) {
                blockReason = v.rule() + ": " + v.explanation();
            }
            if (key != null) {
                // The repeats this cooldown holds back get the decision this violation got.
                decided(key, subject, f.time(), decision == Decision.BLOCK);
            }
            remember(v);
            for (AppliedSanction s : applied) {
                putInForce(s);
            }
            if (sanctioning) {
                for (String agent : v.agents()) {
                    ledger.adjust(agent, -config.penalty(v.severity()));
                }
            }
            Platform p = platform;
            for (AppliedSanction s : applied) {
                try {
                    s.sanction().carryOut(s, p);
                } catch (RuntimeException ex) {
                    // The platform's failure must not cost the verdict or the counts; the sanction stays in force here.
                    LOG.error("the platform failed to carry out {} on {}", s.sanction(), s.agent(), ex);
                    alerts.dispatch(new SystemAlert(SystemAlert.Kind.ENGINE_ERROR, "the platform failed to carry out "
                            + s.sanction() + " on " + s.agent() + " for violation " + v.id() + ": " + ex, v.time()));
                }
            }
            violations.incrementAndGet();
            out.add(v);
        }
        return new Sentence(out, blockReason != null ? blockReason : repeatBlocks, blockReason == null && repeatCounted);
    }

    /**
     * Applies a violation sentenced by another monitor (the watch service of a bus): records and alerts it
     * here, puts the sanctions in force and has the platform carry them out. Called on the bus's thread.
     */
    void applyRemote(Violation v, List<AppliedSanction> applied) {
        alerts.dispatch(new ViolationAlert(v, applied, Decision.FLAG, List.of()));
        remember(v);
        if (config.sanctions()) {
            for (AppliedSanction s : applied) {
                putInForce(s);
            }
            for (String agent : v.agents()) {
                if (applied.stream().anyMatch(s -> s.agent().equals(agent))) {
                    ledger.adjust(agent, -config.penalty(v.severity()));
                }
            }
            Platform p = platform;
            for (AppliedSanction s : applied) {
                try {
                    s.sanction().carryOut(s, p);
                } catch (RuntimeException ex) {
                    LOG.error("the platform failed to carry out {} on {}", s.sanction(), s.agent(), ex);
                }
            }
        }
        violations.incrementAndGet();
    }

    /** A cooldown running since a violation, and whether that violation's event was blocked. */
    private record Cooldown(long since, boolean blocks) {
    }

    /**
     * The cooldowns of one rule against one set of offenders: at most {@code cooldown.subjects} subjects, in
     * the order their cooldowns started. Guarded by itself.
     */
    private static final class Group {
        final LinkedHashMap<String, Cooldown> subjects = new LinkedHashMap<>();
        long latest;
        /** Whether the latest violation recorded in this group was blocked: what lies beyond its subjects gets the same. */
        boolean lastBlocks;
        boolean pruned;
    }

    /** What the cooldown makes of a finding: record it, or hold it back (a repeat, or beyond the subjects kept), blocked or not. */
    private enum Held { RECORD, REPEAT, REPEAT_BLOCKED, BEYOND, BEYOND_BLOCKED }

    /**
     * The rule and the agents held responsible (in any order): the findings of one group share a cooldown, kept
     * per subject, so neither two offenders nor two victims of one rule hold each other back.
     */
    private static String groupKey(Finding f) {
        RuleInfo r = f.rule();
        List<String> who = new ArrayList<>(f.offenders());
        Collections.sort(who);
        return r.packageName() + '\u0000' + r.name() + '\u0000' + String.join("\u0001", who);
    }

    /** The subject as a cooldown keeps it: a long text (an agent's content) by its digest, so memory stays bounded. */
    private static String subjectKey(String subject) {
        if (subject == null || subject.length() <= 256) {
            return subject == null ? "" : subject;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return subject.substring(0, 64) + "\u0000" + java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether this finding is the first about its subject within its rule's cooldown (then a cooldown starts,
     * {@code blocks} until the violation's decision is known), a repeat, or beyond the subjects its group keeps
     * (those whose cooldown ran out make room first). Atomic per group: two gate threads cannot both report
     * the same repeat.
     */
    private Held holdBack(String key, String subject, Finding f, boolean blocks) {
        long now = f.time();
        long cooldown = f.rule().cooldown().toMillis();
        Group g = cooldowns.computeIfAbsent(key, k -> new Group());
        synchronized (g) {
            if (g.pruned) {
                return holdBack(key, subject, f, blocks); // forgotten meanwhile: a fresh group takes its place
            }
            Cooldown prev = g.subjects.get(subject);
            if (prev != null && now - prev.since() < cooldown) {
                return prev.blocks() ? Held.REPEAT_BLOCKED : Held.REPEAT;
            }
            if (prev != null) {
                g.subjects.remove(subject);
            }
            var it = g.subjects.values().iterator();
            while (g.subjects.size() >= subjectsKept && it.hasNext() && now - it.next().since() >= cooldown) {
                it.remove();
            }
            if (g.subjects.size() >= subjectsKept) {
                return g.lastBlocks ? Held.BEYOND_BLOCKED : Held.BEYOND;
            }
            g.subjects.put(subject, new Cooldown(now, blocks));
            g.latest = Math.max(g.latest, now);
        }
        longestCooldown = Math.max(longestCooldown, cooldown);
        if (cooldowns.size() > pruneAt) {
            prune(now);
        }
        return Held.RECORD;
    }

    /** The violation that started a cooldown was decided: its repeats, and what lies beyond its group, get the same. */
    private void decided(String key, String subject, long since, boolean blocks) {
        Group g = cooldowns.get(key);
        if (g == null) {
            return;
        }
        synchronized (g) {
            Cooldown c = g.subjects.get(subject);
            if (c != null && c.since() == since) {
                g.subjects.put(subject, new Cooldown(since, blocks));
            }
            g.lastBlocks = blocks;
        }
    }

    /**
     * Counts a finding beyond the subjects its group keeps. The first of a run says so in one record; the rest
     * are summarised ({@code N more like this from X in T s}) once per cooldown, when a new subject has room,
     * and at close: none is dropped unsaid.
     */
    private void countBeyond(String key, Finding f) {
        RuleInfo r = f.rule();
        String who = SafeText.oneLine(String.join(",", f.offenders()), 200);
        Tally.Note n = beyond.count(key, rule(r), who, f.time(), Math.max(1, r.cooldown().toMillis()), SafeText.oneLine(f.subject(), 120));
        if (n.summary() != null) {
            summarise(n.summary());
        }
        if (n.first()) {
            alerts.dispatch(new SystemAlert(SystemAlert.Kind.SUPPRESSED, rule(r) + ": " + who + " has more than " + subjectsKept
                    + " subjects within the rule's cooldown of " + Durations.format(r.cooldown())
                    + ": the findings beyond them are counted and summarised, not recorded one by one (cooldown.subjects),"
                    + " and their events get the decision of the latest violation recorded (in the gate: blocked when it was);"
                    + " the first: " + SafeText.oneLine(f.explanation(), 300)
                    + (f.subject() == null || f.subject().isEmpty() ? "" : ", about " + SafeText.oneLine(f.subject(), 120)), f.time()));
        }
    }

    private void summarise(Tally.Summary s) {
        alerts.dispatch(new SystemAlert(SystemAlert.Kind.SUPPRESSED, s.kind() + ": " + s.text()
                + ", beyond the subjects the rule's cooldown keeps; not recorded one by one", s.last()));
    }

    private static String rule(RuleInfo r) {
        return "rule \"" + SafeText.oneLine(r.name(), 120) + "\" (" + r.pack() + ")";
    }

    /** Writes the summaries still open (at close), so what was held back is said before the log is sealed. */
    void summariseAll() {
        for (Tally.Summary s : beyond.endAll()) {
            summarise(s);
        }
    }

    /** Forgets the groups whose cooldowns have all run out, so the map stays as small as the recent past. */
    private synchronized void prune(long now) {
        long horizon = longestCooldown;
        cooldowns.values().removeIf(g -> {
            synchronized (g) {
                g.pruned = now - g.latest >= horizon;
                return g.pruned;
            }
        });
        pruneAt = Math.max(PRUNE_AT, 2 * cooldowns.size());
    }

    private static boolean blocks(List<AppliedSanction> applied) {
        for (AppliedSanction s : applied) {
            if (s.sanction().blocks()) {
                return true;
            }
        }
        return false;
    }

    private List<AppliedSanction> decide(Violation v) {
        EscalationPolicy policy = config.escalation(v.value());
        List<AppliedSanction> applied = new ArrayList<>();
        for (String agent : v.agents()) {
            SanctionsInForce.Breaches breaches = book.recordBreach(agent, v.value(), v.time(), policy);
            boolean spared = config.spares(agent, v.level());
            boolean warned = false;
            for (Sanction s : policy.decide(v.requested(), breaches.times(), v.time())) {
                if (spared && (s.blocks() || s.mutes() != null || s.quarantines() || s instanceof Sanction.Warn)) {
                    // A key agent, when the objective ranks above this violation's alignment: warned, not stopped.
                    if (!warned) {
                        applied.add(new AppliedSanction(agent, Sanction.WARN, v, breaches.count(), v.time()));
                        warned = true;
                    }
                    continue;
                }
                s = s.withSupervisor(config.supervisor());
                if (s == null) {
                    continue;
                }
                applied.add(new AppliedSanction(agent, s, v, breaches.count(), v.time()));
            }
        }
        return applied;
    }

    private void putInForce(AppliedSanction s) {
        Sanction sanction = s.sanction();
        if (sanction.mutes() != null) {
            book.mute(s.agent(), s.time() + sanction.mutes().toMillis());
        }
        if (sanction.quarantines()) {
            Duration d = sanction.quarantineFor();
            book.quarantine(s.agent(), d == null ? Long.MAX_VALUE : s.time() + d.toMillis());
        }
        if (sanction.reputationDelta() != 0) {
            ledger.adjust(s.agent(), sanction.reputationDelta());
        }
    }

    private void remember(Violation v) {
        if (config.history() == 0) {
            return;
        }
        synchronized (history) {
            history.addLast(v);
            while (history.size() > config.history()) {
                history.removeFirst();
            }
        }
    }

    List<Violation> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    long violations() {
        return violations.get();
    }

    long suppressed() {
        return suppressed.get();
    }

    /** Of the findings held back, how many were beyond the subjects a cooldown keeps (the rest are repeats). */
    long beyondSubjects() {
        return beyondCount.get();
    }
}
