package vigil.core;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import vigil.core.Findings.Finding;

/**
 * The synchronous path: judges one event in the caller's thread with the gate rules only. The event is
 * inserted, the rules fire, the event is deleted again, so the gate's memory holds only the context facts.
 * One session, used under a lock; when no rule runs in the gate, or none can match the event
 * ({@link Admission}), it answers without the lock and without entering Drools.
 */
final class Gate {

    /** One installed rule set: what an event is judged with. Replaced whole, so a reader sees one or the other. */
    private record Rules(CompiledRules book, KieSession session, Admission admission, Findings findings, RuleBudget budget) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Object> facts;
    private final boolean admit;
    private volatile Rules rules;

    Gate(CompiledRules book, List<Object> facts, boolean admission) {
        this.facts = facts;
        this.admit = admission;
        install(book);
    }

    /** Called under the lock (or from the constructor). */
    private void install(CompiledRules b) {
        Findings findings = new Findings(b);
        RuleBudget budget = new RuleBudget(RuleBudget.GATE_FIRINGS, RuleBudget.GATE_MILLIS);
        KieSession session = b.gateHasRules() ? Sessions.open(b.gate(), b, findings, facts) : null;
        Admission admission = session != null && admit ? Admission.of(b.gate()) : null;
        if (session != null) {
            // Rules with no event condition (reading preferences from configuration) put their facts in now,
            // so that what the admission reads of the session is what an event would meet.
            try {
                budget.fire(session);
            } catch (RuntimeException e) {
                // The first event's firing reports it, as before.
            }
            findings.drain();
            if (admission != null) {
                admission.refresh(session);
            }
        }
        rules = new Rules(b, session, admission, findings, budget);
    }

    /**
     * What the gate rules find about {@code event}; rule exceptions propagate after the event is removed.
     * The work is bounded ({@link RuleBudget}): a rule that loops is quarantined and the event's judgement
     * fails with {@link RuleBudget.Exceeded}, so the monitor treats it by the fail mode. An event no gate rule
     * can match ({@link Admission}) is answered without the lock, so agents whose events no rule reads do
     * not queue behind one another.
     */
    List<Finding> judge(Event event) {
        Rules seen = rules;
        if (seen.session() == null || seen.admission() != null && !seen.admission().admits(event, seen.session())) {
            return List.of();
        }
        lock.lock();
        Rules r = rules;
        try {
            if (r != seen && (r.session() == null || r.admission() != null && !r.admission().admits(event, r.session()))) {
                return List.of();
            }
            KieSession session = r.session();
            FactHandle h = session.insert(event);
            RuntimeException failure = null;
            int fired = 0;
            try {
                fired += r.budget().fire(session);
            } catch (RuntimeException e) {
                failure = e;
                fired++;
            }
            session.delete(h);
            try {
                fired += r.budget().fire(session);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
                fired++;
            }
            if (fired > 0 && r.admission() != null) {
                r.admission().refresh(session);
            }
            if (failure != null) {
                throw failure;
            }
            return r.findings().drain();
        } catch (RuntimeException e) {
            r.findings().drain();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    CompiledRules book() {
        return rules.book();
    }

    /** Swaps in new rules; events being judged finish on the old ones. */
    void swap(CompiledRules next) {
        lock.lock();
        try {
            KieSession old = rules.session();
            install(next);
            if (old != null) {
                old.dispose();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Disposes of the session; false when a judgement still held the gate after 10 s (it is left to end). */
    boolean close() {
        try {
            if (!lock.tryLock(10, java.util.concurrent.TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            Rules r = rules;
            if (r.session() != null) {
                r.session().dispose();
                rules = new Rules(r.book(), null, null, r.findings(), r.budget());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
