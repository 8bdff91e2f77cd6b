package vigil.jacamo;

import jason.JasonException;
import jason.asSemantics.Agent;
import jason.asSyntax.ASSyntax;
import jason.mas2j.ClassParameters;
import jason.runtime.DelegatedRuntimeServices;
import jason.runtime.RuntimeServices;
import jason.runtime.RuntimeServicesFactory;
import jason.runtime.Settings;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.List;
import vigil.core.Monitor;
import vigil.core.SafeText;
import vigil.core.Verdict;
import vigil.core.ActionEvent;
import vigil.core.Term;

/**
 * Puts the platform's own services under the monitor: what an agent does with {@code .create_agent},
 * {@code .clone}, {@code .kill_agent} and {@code .stopMAS} (or Java code calling the same services) is an
 * action of that agent, judged like any other before it takes effect. An agent created or cloned by an
 * agent always gets {@link MonitoredArch} first in its chain, whatever architectures were asked for; its
 * creator's mute and quarantine pass on to it, and the creation is recorded in the audit log. The name
 * {@code vigil} is Vigil's: no agent is created under it.
 *
 * <p>Jason's internal actions call {@link RuntimeServicesFactory#get()}, so Vigil puts this guard there
 * around the infrastructure's services when the first monitored agent joins (in plain Jason and in
 * JaCaMo alike). Calls come from agents' threads.
 */
final class PlatformGuard extends DelegatedRuntimeServices {

    private static final String ARCH = MonitoredArch.class.getName();

    private PlatformGuard(RuntimeServices delegate) {
        super(delegate);
    }

    /** Wraps the platform's services, unless they are wrapped already or there are none yet. */
    static void install() {
        synchronized (RuntimeServicesFactory.class) {
            RuntimeServices rs = RuntimeServicesFactory.get();
            if (rs != null && !(rs instanceof PlatformGuard)) {
                RuntimeServicesFactory.set(new PlatformGuard(rs));
            }
        }
    }

    @Override
    public String createAgent(String agName, String agSource, String agClass, List<String> archClasses,
            ClassParameters bbPars, Settings stts, Agent father) throws Exception {
        String creator = father != null ? nameOf(father) : MonitoredArch.current();
        String refused = refusedName(agName);
        if (refused != null) {
            refuse(creator, ".create_agent", agName, agSource, refused);
        }
        if (creator == null) {
            // The launcher or the operator's own code, outside any agent's cycle: the project decides.
            return super.createAgent(agName, agSource, agClass, archClasses, bbPars, stts, father);
        }
        judge(creator, ".create_agent", agName, agSource);
        List<String> chain = archClasses != null && !archClasses.isEmpty() ? archClasses
                : father != null ? father.getTS().getAgArch().getAgArchClassesChain() : new ArrayList<>(getDefaultAgArchs());
        String name = super.createAgent(agName, agSource, agClass, monitoredFirst(chain), bbPars, stts, father);
        created(name, creator, agSource);
        return name;
    }

    @Override
    public void clone(Agent source, List<String> archClasses, String agName) throws RemoteException, JasonException {
        String creator = source != null ? nameOf(source) : MonitoredArch.current();
        String refused = refusedName(agName);
        if (refused != null) {
            refuse(creator, ".clone", agName, null, refused);
        }
        if (creator == null) {
            super.clone(source, archClasses, agName);
            return;
        }
        judge(creator, ".clone", agName, null);
        super.clone(source, monitoredFirst(archClasses == null ? List.of() : archClasses), agName);
        created(agName, creator, "a clone of " + creator);
    }

    @Override
    public boolean killAgent(String agName, String byAg, int deadline) throws RemoteException {
        String by = byAg != null ? byAg : MonitoredArch.current();
        if (by != null) {
            try {
                judge(by, ".kill_agent", agName, null);
            } catch (JasonException e) {
                return false; // Withheld: the agent is not killed; the internal action fails.
            }
        }
        return super.killAgent(agName, byAg, deadline);
    }

    @Override
    public void stopMAS(int deadline, boolean stopJVM, int exitValue) throws Exception {
        String by = MonitoredArch.current();
        if (by != null) {
            judge(by, ".stopMAS", null, null);
        }
        super.stopMAS(deadline, stopJVM, exitValue);
    }

    /** The chain asked for, with Vigil's architecture first (moved there if it was further down). */
    private static List<String> monitoredFirst(List<String> chain) {
        List<String> out = new ArrayList<>(chain.size() + 1);
        out.add(ARCH);
        for (String c : chain) {
            if (!c.equals(ARCH)) {
                out.add(c);
            }
        }
        return out;
    }

    private static String nameOf(Agent ag) {
        return ag.getTS() == null || ag.getTS().getAgArch() == null ? null : ag.getTS().getAgArch().getAgName();
    }

    private static ActionEvent action(String agent, String what, String target, String source) {
        List<Term> args = new ArrayList<>(2);
        if (target != null) {
            args.add(Term.atom(target));
        }
        if (source != null) {
            args.add(Term.string(source));
        }
        return new ActionEvent(MonitoredArch.nextId("a"), MasMonitor.now(), agent,
                new Term(Term.Kind.STRUCTURE, what, args, List.of()));
    }

    /** Judges the platform action; a withheld one throws, so the internal action fails in the agent. */
    private static void judge(String agent, String what, String target, String source) throws JasonException {
        MasMonitor.counter().actions.increment();
        Verdict v = MonitoredArch.judge(agent, () -> action(agent, what, target, source));
        if (v.blocked()) {
            MasMonitor.counter().actionsWithheld.increment();
            throw blocked(v.reason());
        }
    }

    /** Why no agent may be created under this name, or null when one may. */
    private static String refusedName(String name) {
        if (MonitoredArch.VIGIL.equals(name)) {
            return "the agent name 'vigil' is Vigil's: no agent is created under it";
        }
        if (name != null && !SafeText.oneLine(name, name.length() + 1).equals(name)) {
            // Its name would reach every console line about it: it could forge lines.
            return "an agent name may not hold line breaks, control or invisible formatting characters";
        }
        return null;
    }

    private static void refuse(String agent, String what, String target, String source, String reason) throws JasonException {
        MasMonitor.counter().actions.increment();
        MasMonitor.counter().actionsWithheld.increment();
        Monitor m = MasMonitor.monitor().orElse(null);
        if (m != null) {
            m.withhold(action(agent == null ? "unknown" : agent, what, target, source), reason);
        }
        throw blocked(reason);
    }

    private static void created(String child, String creator, String source) {
        Monitor m = MasMonitor.monitor().orElse(null);
        if (m != null && child != null) {
            m.created(child, creator, source);
        }
    }

    private static JasonException blocked(String reason) {
        return new JasonException("blocked by Vigil: " + reason,
                ASSyntax.createLiteral("vigil_blocked", ASSyntax.createString(reason)));
    }
}
