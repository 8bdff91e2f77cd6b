package vigil.jacamo;

import jason.asSemantics.Message;
import jason.asSyntax.ASSyntax;
import jason.asSyntax.Literal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Platform;
import vigil.core.Term;

/**
 * What sanctions may do to Jason agents ({@link Platform}). The core calls it on the judging thread (an
 * agent's, or the watch's), so nothing is done to an agent here: each change is queued on the agent's
 * architecture and made in that agent's own next cycle. An agent that is not monitored in this MAS is not
 * touched (the sanction leaves its trace in the audit log and alerts only), except that a {@link #tell}
 * reaches it through any monitored agent's infrastructure.
 */
final class JasonPlatform implements Platform {

    private static final Logger LOG = LoggerFactory.getLogger(JasonPlatform.class);

    /**
     * The agents monitored here, and the agents Jason's local runner runs here (with a reasoning cycle of
     * theirs): an infrastructure's stand-in for an agent of another JVM is not one of them.
     */
    @Override
    public boolean hosts(String agent) {
        if (MasMonitor.isMonitored(agent)) {
            return true;
        }
        jason.infra.local.BaseLocalMAS runner = jason.infra.local.BaseLocalMAS.getRunner();
        jason.infra.local.LocalAgArch a = runner == null || agent == null ? null : runner.getAg(agent);
        return a != null && a.getTS() != null;
    }

    @Override
    public boolean believe(String agent, Term belief) {
        MonitoredArch arch = arch(agent, belief);
        if (arch == null) {
            return false;
        }
        Literal l = literal(belief);
        arch.later(() -> arch.believe(l));
        return true;
    }

    @Override
    public boolean forget(String agent, String functor, int arity) {
        MonitoredArch arch = arch(agent, functor);
        if (arch == null) {
            return false;
        }
        arch.later(() -> arch.forget(functor, arity, null));
        return true;
    }

    @Override
    public boolean showReputation(String agent) {
        MonitoredArch arch = arch(agent, "its reputation");
        double r = MasMonitor.monitor().map(mon -> mon.reputation(agent)).orElse(Double.NaN);
        if (arch == null || Double.isNaN(r)) {
            return false;
        }
        arch.later(() -> arch.showReputation(r));
        return true;
    }

    @Override
    public boolean showSanction(String agent, String kind, long until) {
        MonitoredArch arch = arch(agent, kind);
        if (arch == null) {
            return false;
        }
        jason.asSyntax.Term end = until == Long.MAX_VALUE ? ASSyntax.createAtom("until_released") : ASSyntax.createNumber(until);
        arch.later(() -> arch.showSanction(kind, end));
        return true;
    }

    /** Tells the agent {@code content} from sender {@code vigil}, unjudged. */
    @Override
    public boolean tell(String agent, Term content) {
        if (agent == null) {
            return false;
        }
        Message m = new Message("tell", MonitoredArch.VIGIL, agent, literal(content));
        MonitoredArch target = MasMonitor.arch(agent);
        if (target != null) {
            target.later(() -> target.receiveFromVigil(m));
            return true;
        }
        // An agent that is not monitored: any monitored agent's infrastructure delivers it.
        for (MonitoredArch any : MasMonitor.archs()) {
            try {
                any.infrastructure().sendMsg(m);
                return true;
            } catch (Exception e) {
                LOG.warn("could not tell {} {}: {}", agent, content, e.getMessage());
                return false;
            }
        }
        LOG.warn("could not tell {} {}: no monitored agent is running", agent, content);
        return false;
    }

    private static MonitoredArch arch(String agent, Object what) {
        MonitoredArch arch = MasMonitor.arch(agent);
        if (arch == null) {
            LOG.debug("{} is not a monitored agent here: {} recorded only", agent, what);
        }
        return arch;
    }

    private static Literal literal(Term t) {
        jason.asSyntax.Term j = JasonTerms.toJason(t);
        return j instanceof Literal l ? l : ASSyntax.createLiteral("vigil_value", j);
    }
}
