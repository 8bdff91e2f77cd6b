package vigil.core;

import java.util.ArrayDeque;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
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
    private final Map<String, Cooldown> lastReported = new ConcurrentHashMap<>();
    private volatile long longestCooldown;
    private volatile int pruneAt = PRUNE_AT;
    private final Deque<Violation> history = new ArrayDeque<>();
    private volatile Predicate<Violation> recorded = v -> false;

    Sentencer(Config config, AlertDispatcher alerts, SanctionsInForce book, ReputationLedger ledger) {
        this.config = config;
        this.alerts = alerts;
        this.book = book;
        this.ledger = ledger;
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
     * held back) and, for the gate, why the event is to be withheld, or null to let it through.
     */
    record Sentence(List<Violation> violations, String blockReason) {
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
        for (Finding f : findings) {
            RuleInfo r = f.rule();
            String key = r.cooldown().isZero() ? null : cooldownKey(f);
            if (key != null) {
                Cooldown running = holdBack(key, f, gate && r.sanctions().stream().anyMatch(Sanction::blocks));
                if (running != null) {
                    suppressed.incrementAndGet();
                    if (gate && running.blocks() && repeatBlocks == null) {
                        repeatBlocks = r.name() + ": " + f.explanation() + " (a repeat within the rule's cooldown)";
                    }
                    continue;
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
                boolean blocks = decision == Decision.BLOCK;
                lastReported.computeIfPresent(key, (k, c) -> c.since() == f.time() ? new Cooldown(c.since(), blocks) : c);
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
        return new Sentence(out, blockReason != null ? blockReason : repeatBlocks);
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
     * The kind of a finding, for its rule's cooldown: the rule, the agents held responsible (in any order)
     * and the subject the rule named, so neither two offenders nor two victims of one rule hold each other back.
     */
    private static String cooldownKey(Finding f) {
        RuleInfo r = f.rule();
        List<String> who = new ArrayList<>(f.offenders());
        Collections.sort(who);
        return r.packageName() + '\u0000' + r.name() + '\u0000' + String.join("\u0001", who) + '\u0000' + f.subject();
    }

    /**
     * The cooldown that holds this finding back, or null when it is the first of its kind within its rule's
     * cooldown; then a cooldown starts ({@code blocks} until the violation's decision is known). Atomic: two
     * gate threads cannot both report the same repeat.
     */
    private Cooldown holdBack(String key, Finding f, boolean blocks) {
        long now = f.time();
        long cooldown = f.rule().cooldown().toMillis();
        Cooldown[] running = {null};
        lastReported.compute(key, (k, prev) -> {
            if (prev != null && now - prev.since() < cooldown) {
                running[0] = prev;
                return prev;
            }
            return new Cooldown(now, blocks);
        });
        if (running[0] == null) {
            longestCooldown = Math.max(longestCooldown, cooldown);
            if (lastReported.size() > pruneAt) {
                prune(now);
            }
        }
        return running[0];
    }

    /** Forgets the cooldowns that have run out, so the map stays as small as the recent past. */
    private synchronized void prune(long now) {
        long horizon = longestCooldown;
        lastReported.values().removeIf(c -> now - c.since() >= horizon);
        pruneAt = Math.max(PRUNE_AT, 2 * lastReported.size());
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
}
