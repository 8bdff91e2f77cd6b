package vigil.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vigil.core.alert.Alert.ViolationAlert;
import vigil.core.alert.AlertDispatcher;
import vigil.core.config.Config;
import vigil.core.event.Event;
import vigil.core.rules.Findings.Finding;
import vigil.core.rules.RuleInfo;
import vigil.core.sanction.AppliedSanction;
import vigil.core.sanction.EscalationPolicy;
import vigil.core.sanction.Enforcer;
import vigil.core.sanction.ReputationLedger;
import vigil.core.sanction.Sanction;
import vigil.core.sanction.SanctionBook;

/**
 * Turns what rules found into violations and sanctions: drops repeats inside a rule's cooldown, asks the
 * escalation policy of the value what to apply to each agent held responsible, records the violation
 * (the audit log is written before anything else happens), then puts the sanctions in force and hands
 * them to the platform's {@link Enforcer}. Called from the gate (agents' threads) and the watch (the
 * monitor thread); thread-safe.
 */
final class Sentencer {

    private final Config config;
    private final AlertDispatcher alerts;
    private final SanctionBook book;
    private final ReputationLedger ledger;
    private volatile Enforcer enforcer = Enforcer.NONE;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    private final Map<String, Long> lastReported = new ConcurrentHashMap<>();
    private final Deque<Violation> history = new ArrayDeque<>();

    Sentencer(Config config, AlertDispatcher alerts, SanctionBook book, ReputationLedger ledger) {
        this.config = config;
        this.alerts = alerts;
        this.book = book;
        this.ledger = ledger;
    }

    void enforcer(Enforcer e) {
        this.enforcer = e == null ? Enforcer.NONE : e;
    }

    /** Sentences the findings; returns the violations recorded (repeats within a cooldown are not). */
    List<Violation> sentence(List<Finding> findings, Map<String, String> packVersions, boolean gate) {
        List<Violation> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            RuleInfo r = f.rule();
            if (!r.cooldown().isZero()) {
                String key = r.packageName() + '\u0000' + r.name() + '\u0000' + String.join(",", f.offenders());
                long now = f.time();
                Long prev = lastReported.get(key);
                if (prev != null && now - prev < r.cooldown().toMillis()) {
                    suppressed.incrementAndGet();
                    continue;
                }
                lastReported.put(key, now);
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
            Decision decision = gate && sanctioning && (v.requestsBlock() || blocks(applied)) ? Decision.BLOCK : Decision.FLAG;
            alerts.dispatch(new ViolationAlert(v, applied, decision, f.evidence()));
            remember(v);
            for (AppliedSanction s : applied) {
                putInForce(s);
            }
            if (sanctioning) {
                for (String agent : v.agents()) {
                    ledger.adjust(agent, -config.penalty(v.severity()));
                }
            }
            Enforcer e = enforcer;
            for (AppliedSanction s : applied) {
                e.enforce(s);
            }
            violations.incrementAndGet();
            out.add(v);
        }
        return out;
    }

    private static boolean blocks(List<AppliedSanction> applied) {
        for (AppliedSanction s : applied) {
            if (s.sanction() instanceof Sanction.Block) {
                return true;
            }
        }
        return false;
    }

    private List<AppliedSanction> decide(Violation v) {
        EscalationPolicy policy = config.escalation(v.value());
        List<AppliedSanction> applied = new ArrayList<>();
        for (String agent : v.agents()) {
            List<Long> times = book.recordBreach(agent, v.value(), v.time(), policy.horizon());
            for (Sanction s : policy.decide(v.requested(), times, v.time())) {
                if (s instanceof Sanction.Notify n && n.agent() == null) {
                    if (config.supervisor() == null) {
                        continue;
                    }
                    s = new Sanction.Notify(config.supervisor());
                }
                applied.add(new AppliedSanction(agent, s, v, times.size(), v.time()));
            }
        }
        return applied;
    }

    private void putInForce(AppliedSanction s) {
        if (s.sanction() instanceof Sanction.Mute m) {
            book.mute(s.agent(), s.time() + m.duration().toMillis());
        } else if (s.sanction() instanceof Sanction.Quarantine q) {
            book.quarantine(s.agent(), q.duration() == null ? Long.MAX_VALUE : s.time() + q.duration().toMillis());
        } else if (s.sanction() instanceof Sanction.Reputation r) {
            ledger.adjust(s.agent(), r.delta());
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
