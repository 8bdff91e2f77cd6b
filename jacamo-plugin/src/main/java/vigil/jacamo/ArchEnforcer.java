package vigil.jacamo;

import jason.asSemantics.Message;
import jason.asSyntax.ASSyntax;
import jason.asSyntax.Literal;
import jason.asSyntax.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Violation;
import vigil.core.AppliedSanction;
import vigil.core.Enforcer;
import vigil.core.Sanction;

/**
 * Carries sanctions out on Jason agents. The core calls it on the judging thread (an agent's, or the
 * watch's), so nothing is done to an agent here: each change is queued on the sanctioned agent's
 * architecture and made in that agent's own next cycle. Sanctions on agents that are not monitored (or on
 * a group) only leave their trace in the audit log and alerts.
 */
final class ArchEnforcer implements Enforcer {

    private static final Logger LOG = LoggerFactory.getLogger(ArchEnforcer.class);

    @Override
    public void enforce(AppliedSanction s) {
        Sanction sanction = s.sanction();
        Violation v = s.cause();
        if (sanction instanceof Sanction.Notify n) {
            notify(n.agent(), s.agent(), v);
            return;
        }
        MonitoredArch arch = MasMonitor.arch(s.agent());
        if (arch == null) {
            LOG.debug("{} is not a monitored agent here: {} recorded only", s.agent(), sanction);
            return;
        }
        if (sanction instanceof Sanction.Warn) {
            Literal warning = ASSyntax.createLiteral("vigil_warning", ASSyntax.createString(v.rule()), word(v.value()),
                    ASSyntax.createString(v.explanation()));
            arch.later(() -> arch.believe(warning));
        } else if (sanction instanceof Sanction.Mute m) {
            Term until = ASSyntax.createNumber(s.time() + m.duration().toMillis());
            arch.later(() -> arch.showSanction("mute", until));
        } else if (sanction instanceof Sanction.Quarantine q) {
            Term until = q.duration() == null ? ASSyntax.createAtom("until_released")
                    : ASSyntax.createNumber(s.time() + q.duration().toMillis());
            arch.later(() -> arch.showSanction("quarantine", until));
        } else if (sanction instanceof Sanction.Reputation) {
            double r = MasMonitor.monitor().map(mon -> mon.reputation(s.agent())).orElse(Double.NaN);
            if (!Double.isNaN(r)) {
                arch.later(() -> arch.showReputation(r));
            }
        }
        // Block: the architecture has already withheld the event; nothing more to do.
    }

    /** Tells the supervisor {@code vigil_violation(Agent, Rule, Value, Detail)}, from sender {@code vigil}. */
    private static void notify(String supervisor, String offender, Violation v) {
        if (supervisor == null) {
            return;
        }
        Literal content = ASSyntax.createLiteral("vigil_violation", word(offender), ASSyntax.createString(v.rule()),
                word(v.value()), ASSyntax.createString(v.explanation()));
        Message m = new Message("tell", MonitoredArch.VIGIL, supervisor, content);
        MonitoredArch target = MasMonitor.arch(supervisor);
        if (target != null) {
            target.later(() -> target.receiveFromVigil(m));
            return;
        }
        // An unmonitored supervisor: any monitored agent's infrastructure delivers it, unjudged.
        for (MonitoredArch any : MasMonitor.archs()) {
            try {
                any.infrastructure().sendMsg(m);
                return;
            } catch (Exception e) {
                LOG.warn("could not notify {} of a violation by {}: {}", supervisor, offender, e.getMessage());
                return;
            }
        }
        LOG.warn("could not notify {} of a violation by {}: no monitored agent is running", supervisor, offender);
    }

    /** An atom when the text is one ({@code honesty}), else a string. */
    static Term word(String text) {
        if (text != null && text.matches("[a-z][A-Za-z0-9_]*")) {
            return ASSyntax.createAtom(text);
        }
        return ASSyntax.createString(String.valueOf(text));
    }
}
