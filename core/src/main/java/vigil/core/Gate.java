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
 * ({@link Admission}), it answers without entering Drools.
 */
final class Gate {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Object> facts;
    private final boolean admit;
    private Admission admission;
    private CompiledRules book;
    private KieSession session;
    private Findings findings;
    private RuleBudget budget;

    Gate(CompiledRules book, List<Object> facts, boolean admission) {
        this.facts = facts;
        this.admit = admission;
        install(book);
    }

    private void install(CompiledRules b) {
        this.book = b;
        this.findings = new Findings(b);
        this.budget = new RuleBudget(RuleBudget.GATE_FIRINGS, RuleBudget.GATE_MILLIS);
        this.session = b.gateHasRules() ? Sessions.open(b.gate(), b, findings, facts) : null;
        this.admission = session != null && admit ? Admission.of(b.gate()) : null;
    }

    /**
     * What the gate rules find about {@code event}; rule exceptions propagate after the event is removed.
     * The work is bounded ({@link RuleBudget}): a rule that loops is quarantined and the event's judgement
     * fails with {@link RuleBudget.Exceeded}, so the monitor treats it by the fail mode.
     */
    List<Finding> judge(Event event) {
        lock.lock();
        try {
            if (session == null || admission != null && !admission.admits(event, session)) {
                return List.of();
            }
            FactHandle h = session.insert(event);
            RuntimeException failure = null;
            try {
                budget.fire(session);
            } catch (RuntimeException e) {
                failure = e;
            }
            session.delete(h);
            try {
                budget.fire(session);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            if (failure != null) {
                throw failure;
            }
            return findings.drain();
        } catch (RuntimeException e) {
            findings.drain();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    CompiledRules book() {
        return book;
    }

    /** Swaps in new rules; events being judged finish on the old ones. */
    void swap(CompiledRules next) {
        lock.lock();
        try {
            KieSession old = session;
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
            if (session != null) {
                session.dispose();
                session = null;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
