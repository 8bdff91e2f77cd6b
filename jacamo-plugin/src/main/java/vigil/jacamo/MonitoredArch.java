package vigil.jacamo;

import jason.RevisionFailedException;
import jason.architecture.AgArch;
import jason.asSemantics.ActionExec;
import jason.asSemantics.Agent;
import jason.asSemantics.Circumstance;
import jason.asSemantics.Message;
import jason.asSemantics.TransitionSystem;
import jason.asSyntax.ASSyntax;
import jason.asSyntax.Atom;
import jason.asSyntax.Literal;
import jason.asSyntax.PredicateIndicator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Monitor;
import vigil.core.Verdict;
import vigil.core.Config;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Event;
import vigil.core.MessageEvent;
import vigil.core.SenderBelief;

/**
 * The agent architecture that puts a Jason or JaCaMo agent under Vigil. Name it in the project:
 * {@code agentArchClass vigil.jacamo.MonitoredArch} in a {@code .mas2j}, {@code ag-arch: vigil.jacamo.MonitoredArch}
 * in a {@code .jcm}.
 *
 * <p>Every message the agent sends (each copy of a broadcast too), every environment action it starts and
 * every message it receives from an agent that is not monitored is judged by the MAS's shared monitor
 * ({@link MasMonitor}) before it takes effect; what the monitor blocks is withheld. A blocked action fails in
 * the agent like any failed action, so {@code -!goal} plans can react. What became of each action (done,
 * failed in the environment, withheld) is reported to the watch once its feedback is back
 * ({@link ActionOutcome}). Sanctions reach the agent as beliefs with {@code source(vigil)}, added in its own
 * reasoning cycle (see {@code docs/jacamo.md} for all of them).
 * When nothing is blocked, the agent runs exactly as without this architecture.
 */
public class MonitoredArch extends AgArch {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoredArch.class);
    private static final AtomicLong IDS = new AtomicLong();
    /** The name Vigil speaks under (source(vigil)), which no agent may take. */
    public static final String VIGIL = "vigil";
    /** Why no agent may be named {@code vigil}, in the user's words. */
    public static final String RESERVED = "the agent name 'vigil' is reserved for Vigil (its sanctions and notices reach"
            + " agents with source(vigil)): rename the agent";
    private static final Atom VIGIL_ATOM = ASSyntax.createAtom(VIGIL);
    /** The monitored agent whose reasoning cycle runs on this thread (internal actions run in it). */
    private static final ThreadLocal<MonitoredArch> CURRENT = new ThreadLocal<>();
    static final Seals SEALS = new Seals();

    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    /** The actions handed on whose outcome is not reported yet. */
    private final Queue<Running> running = new ConcurrentLinkedQueue<>();
    private volatile Monitor monitor;
    private volatile boolean joined;
    /** This agent is named {@code vigil}: refused, everything it sends or does is withheld. */
    private volatile boolean refused;
    private String name;
    /**
     * Whether the infrastructure is Jason's local one (JaCaMo's too), which delivers the very message object
     * sent; others (JADE) deliver a copy rebuilt from its text, so a seal then holds the content's text.
     */
    private boolean local = true;
    /** Which sanction beliefs this agent holds, so they are removed once lifted; touched in the agent's thread only. */
    private boolean showsMute;
    private boolean showsQuarantine;

    @Override
    public void init() throws Exception {
        super.init();
        name = getAgName();
        local = lastArch() instanceof jason.infra.local.LocalAgArch;
        if (VIGIL.equals(name)) {
            // Vigil's sanctions and notices reach agents as source(vigil): an agent of that name could forge them.
            // Vigil's runner refuses such a project; created by another launcher, the agent is refused here: not
            // monitored as an agent, and whatever it sends or does is withheld and recorded. (An exception here
            // would not stop Jason creating the agent: it logs it and goes on without this architecture's init.)
            refused = true;
            monitor = MasMonitor.refuse(this);
            return;
        }
        monitor = MasMonitor.join(this);
        joined = true;
    }

    /** Withholds what an agent named {@code vigil} attempts, recording it; true when this agent is that one. */
    private boolean refused(Event attempt) {
        if (!refused) {
            return false;
        }
        Monitor m = monitor != null ? monitor : MasMonitor.monitor().orElse(null);
        if (m != null) {
            try {
                m.withhold(attempt, RESERVED);
            } catch (RuntimeException e) {
                LOG.warn("withheld what the agent named vigil attempted ({}), but could not record it: {}", RESERVED, e.toString());
            }
        }
        return true;
    }

    @Override
    public void stop() {
        if (joined) {
            joined = false;
            reportOutcomes();
            MasMonitor.leave(this);
        }
        // Jason's local infrastructure (JaCaMo's too) stops every arch of the chain itself: passing stop() on
        // would stop the next ones twice (CArtAgO's CAgentArch then fails, its agent already out of the
        // workspace). Other infrastructures stop the first arch only, which passes it on.
        if (!local) {
            super.stop();
        }
    }

    private AgArch lastArch() {
        AgArch a = this;
        while (a.getNextAgArch() != null) {
            a = a.getNextAgArch();
        }
        return a;
    }

    @Override
    public void reasoningCycleStarting() {
        CURRENT.set(this);
        super.reasoningCycleStarting();
    }

    @Override
    public void reasoningCycleFinished() {
        super.reasoningCycleFinished();
        // Set to null rather than removed: a removal makes the next cycle's set allocate a new map entry (a weak
        // reference) on every reasoning cycle of every agent.
        CURRENT.set(null);
    }

    /** The name of the monitored agent whose reasoning cycle runs on the calling thread, or null. */
    static String current() {
        MonitoredArch a = CURRENT.get();
        return a == null ? null : a.name;
    }

    // ---- interception ----

    @Override
    public void sendMsg(Message m) throws Exception {
        // The sender is who the platform says this agent is, never what the message claims: Java code in an
        // agent can build a Message with any sender, and Jason delivers it as it is. So the field is set too.
        String sender = getAgName();
        m.setSender(sender);
        if (refused && refused(message(m, sender, false))) {
            MasMonitor.counter().messages.increment();
            MasMonitor.counter().messagesWithheld.increment();
            return; // Withheld: an agent named vigil speaks as Vigil, which it is not.
        }
        if (m.getReceiver() != null && !MasMonitor.exists(m.getReceiver())) {
            // To no agent: not judged (it has no effect), recorded bounded (a count per sender: a flood of made-up
            // names must not flood the audit), and handed on so that Jason fails the .send as it always does.
            // Unsealed: should the name come to exist meanwhile, its monitored receiver withholds it as not sent by this agent.
            MasMonitor.counter().undeliverable.increment();
            Monitor mon = monitor;
            if (mon != null) {
                mon.undeliverable(sender, m.getReceiver(), MasMonitor.now());
            }
            super.sendMsg(m);
            return;
        }
        MasMonitor.counter().messages.increment();
        Verdict v = judge(() -> message(m, sender, true));
        if (v.blocked()) {
            MasMonitor.counter().messagesWithheld.increment();
            LOG.debug("withheld {} -> {} {}: {}", sender, m.getReceiver(), m.getIlForce(), v.reason());
            return; // Withheld: the message is never handed on, so it is never delivered.
        }
        Message sealed = SEALS.seal(m, !local);
        try {
            super.sendMsg(sealed);
        } catch (Exception | Error e) {
            SEALS.unseal(sealed, !local);
            throw e;
        }
    }

    /** The platform's agents: Jason 3.2 names the method getAgentsNames, 3.3 getAgentsName (one jar serves both). */
    @SuppressWarnings("unchecked")
    private static java.util.Collection<String> agentsNames(jason.runtime.RuntimeServices rs) throws Exception {
        if (rs == null) {
            return null;
        }
        for (String method : new String[] {"getAgentsNames", "getAgentsName"}) {
            try {
                return (java.util.Collection<String>) jason.runtime.RuntimeServices.class.getMethod(method).invoke(rs);
            } catch (NoSuchMethodException e) {
                // The other version's name.
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }
        return null;
    }

    @Override
    public void broadcast(Message m) throws Exception {
        if (local) {
            super.broadcast(m); // Jason's local infrastructure sends each copy through sendMsg, judged there.
            return;
        }
        // Other infrastructures (JADE) send one message to every agent past this arch: here each copy is sent,
        // and so judged, on its own, to the agents the platform knows.
        java.util.Collection<String> all = agentsNames(getRuntimeServices());
        if (all == null) {
            super.broadcast(m);
            return;
        }
        for (String receiver : new java.util.TreeSet<>(all)) {
            if (!receiver.equals(getAgName())) {
                Message copy = m.clone();
                copy.setReceiver(receiver);
                sendMsg(copy);
            }
        }
    }

    @Override
    public void checkMail() {
        TransitionSystem ts = getTS();
        Queue<Message> box = ts.getC().getMailBox();
        // Only this agent's own cycle takes messages out of the box: what lies beyond `before` is new.
        int before = box.isEmpty() ? 0 : box.size();
        super.checkMail();
        reportOutcomes();
        if (box.size() > before) {
            judgeIncoming(box.iterator(), before);
        }
        applyPending();
    }

    /**
     * A message a monitored agent sent was judged then and carries its seal. One without was delivered by
     * something else (an agent not monitored, Java code calling the infrastructure): it is judged on
     * arrival, and withheld outright when it names as sender Vigil or a monitored agent, neither of which
     * sent it.
     */
    private void judgeIncoming(Iterator<Message> it, int skip) {
        for (int i = 0; i < skip && it.hasNext(); i++) {
            it.next();
        }
        while (it.hasNext()) {
            Message m = it.next();
            if (SEALS.take(m, !local)) {
                continue;
            }
            MasMonitor.counter().incoming.increment();
            String claimed = m.getSender();
            if (VIGIL.equals(claimed) || MasMonitor.isMonitored(claimed)) {
                MasMonitor.counter().incomingWithheld.increment();
                forged(m, claimed);
                it.remove(); // Withheld: the agent never reads a message that lies about its sender.
                continue;
            }
            Verdict v = judge(() -> message(m, m.getSender() == null ? "unknown" : m.getSender(), false));
            if (v.blocked()) {
                MasMonitor.counter().incomingWithheld.increment();
                LOG.debug("withheld incoming {} -> {} {}: {}", m.getSender(), getAgName(), m.getIlForce(), v.reason());
                it.remove(); // Withheld: the agent never reads this message.
            }
        }
    }

    private void forged(Message m, String claimed) {
        String reason = "the message names " + claimed + " as its sender, but " + (VIGIL.equals(claimed)
                ? "Vigil did not send it" : claimed + " did not send it (it was delivered by an agent Vigil does not monitor)");
        Monitor mon = monitor;
        if (mon == null) {
            LOG.warn("{}: withheld a message: {}", getAgName(), reason);
            return;
        }
        try {
            mon.withhold(message(m, "unknown", false), reason);
        } catch (RuntimeException e) {
            LOG.warn("{}: withheld a message ({}), but could not record it: {}", getAgName(), reason, e.toString());
        }
    }

    @Override
    public void act(ActionExec action) {
        MasMonitor.counter().actions.increment();
        reportOutcomes();
        ActionEvent attempt = new ActionEvent(nextId("a"), MasMonitor.now(), getAgName(),
                JasonTerms.of(action.getActionTerm()));
        Verdict v = refused(attempt) ? Verdict.block(RESERVED) : judge(() -> attempt);
        if (v.blocked()) {
            MasMonitor.counter().actionsWithheld.increment();
            // Withheld: the action never reaches the environment; it fails in the agent as an ordinary failure.
            action.setResult(false);
            action.setFailureReason(ASSyntax.createLiteral("vigil_blocked", ASSyntax.createString(v.reason())),
                    "blocked by Vigil: " + v.reason());
            actionExecuted(action);
            outcome(attempt, ActionOutcome.Result.WITHHELD);
            return;
        }
        Running r = new Running(action, attempt);
        running.add(r);
        super.act(action);
        // Without an environment the infrastructure fails the action at once.
        reportOutcomes();
    }

    // ---- outcomes: what became of the actions handed on, read from the agent's feedback ----

    /**
     * Reports the actions whose feedback has come back: the environment sets the result and queues the action
     * in the circumstance's feedback (AgArch.actionExecuted runs on the infrastructure's arch, not this one),
     * and the agent's next act phase takes it from there. Called in the agent's own cycle (sense, act, before
     * sleeping), so every outcome is reported within a cycle of its feedback.
     */
    private void reportOutcomes() {
        if (running.isEmpty() || getTS() == null) {
            return;
        }
        Circumstance c = getTS().getC();
        for (Running r : running) {
            if (finished(c, r.exec) && running.remove(r)) {
                outcome(r.attempt, r.exec.getResult() ? ActionOutcome.Result.DONE : ActionOutcome.Result.FAILED);
            }
        }
    }

    private static boolean finished(Circumstance c, ActionExec a) {
        for (ActionExec f : c.getFeedbackActions()) {
            if (f == a) {
                return true;
            }
        }
        // Taken from the feedback already, or its intention dropped: no longer the intention's pending action.
        return a.getIntention() == null || c.getPendingActions().get(a.getIntention().getId()) != a;
    }

    private void outcome(ActionEvent attempt, ActionOutcome.Result result) {
        Monitor m = monitor;
        if (m != null) {
            try {
                m.outcome(ActionOutcome.of(attempt, MasMonitor.now(), result));
            } catch (RuntimeException e) {
                LOG.warn("{}: could not record the outcome of {}: {}", getAgName(), attempt.action(), e.toString());
            }
        }
    }

    /** An action handed on to the environment; compared by identity. */
    private static final class Running {
        final ActionExec exec;
        final ActionEvent attempt;

        Running(ActionExec exec, ActionEvent attempt) {
            this.exec = exec;
            this.attempt = attempt;
        }
    }

    @Override
    public boolean canSleep() {
        reportOutcomes();
        return pending.isEmpty() && super.canSleep();
    }

    /**
     * The event of a message; for a {@code tell} this agent sends, what it believes of the content is read
     * (in its own thread, now) when the monitor has a use for it ({@link Monitor#needsSenderBelief()}).
     */
    private MessageEvent message(Message m, String sender, boolean outgoing) {
        Object content = m.getPropCont();
        SenderBelief belief = null;
        if (outgoing && m.isTell()) {
            Monitor mon = monitor;
            if (mon == null || mon.needsSenderBelief()) {
                belief = BeliefReader.INSTANCE.read(getTS() == null ? null : getTS().getAg(), content);
            }
        }
        return new MessageEvent(nextId("m"), MasMonitor.now(), sender,
                m.getReceiver() == null ? getAgName() : m.getReceiver(), String.valueOf(m.getIlForce()),
                JasonTerms.of(content), JasonTerms.text(content), m.getInReplyTo(), belief);
    }

    static String nextId(String prefix) {
        return prefix + IDS.incrementAndGet();
    }

    interface EventSource {
        Event get();
    }

    private Verdict judge(EventSource source) {
        return judge(monitor, getAgName(), source);
    }

    /** Asks the shared monitor about an event of {@code agent} (the platform's internal actions use it). */
    static Verdict judge(String agent, EventSource source) {
        return judge(MasMonitor.monitor().orElse(null), agent, source);
    }

    /** Asks the monitor; without one, the fail mode decides (fail-closed withholds everything). */
    private static Verdict judge(Monitor m, String agent, EventSource source) {
        if (m == null) {
            MasMonitor.Unavailable u = MasMonitor.unavailable();
            if (u != null && u.failClosed()) {
                return Verdict.block("Vigil's monitor is unavailable (fail-closed)");
            }
            return Verdict.ALLOW;
        }
        try {
            return m.judge(source.get());
        } catch (RuntimeException e) {
            boolean closed = m.config().fail() == Config.FailMode.CLOSED;
            LOG.warn("{}: could not judge an event ({}); {}", agent, e.toString(), closed ? "withheld (fail-closed)" : "allowed (fail-open)");
            return closed ? Verdict.block("Vigil could not judge this event (fail-closed)") : Verdict.ALLOW;
        }
    }

    // ---- sanctions, carried out in the agent's own cycle ----

    /** Runs {@code task} at the start of the agent's next cycle, in its own thread; callable from any thread. */
    void later(Runnable task) {
        pending.add(task);
        getFirstAgArch().wakeUpSense();
    }

    private void applyPending() {
        Runnable r = pending.poll();
        while (r != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: could not carry out a sanction: {}", getAgName(), e.toString());
            }
            r = pending.poll();
        }
        if (showsMute || showsQuarantine) {
            liftExpired();
        }
    }

    /** Adds a belief with {@code source(vigil)}, removing an identical one first so that each addition is an event. */
    void believe(Literal belief) {
        Agent ag = getTS().getAg();
        Literal b = belief.copy();
        b.addSource(VIGIL_ATOM);
        try {
            ag.delBel(b.copy());
            ag.addBel(b);
        } catch (RevisionFailedException e) {
            LOG.warn("{}: could not add {}: {}", getAgName(), b, e.getMessage());
        }
    }

    /** Shows a mute or a quarantine in force: one {@code vigil_sanction(Kind, Until)} belief per kind. */
    void showSanction(String kind, jason.asSyntax.Term until) {
        forget(kind);
        believe(ASSyntax.createLiteral("vigil_sanction", ASSyntax.createAtom(kind), until));
        if (kind.equals("mute")) {
            showsMute = true;
        } else {
            showsQuarantine = true;
        }
    }

    /** Replaces the agent's {@code vigil_reputation(R)} belief. */
    void showReputation(double r) {
        forget("vigil_reputation", 1, null);
        believe(ASSyntax.createLiteral("vigil_reputation", ASSyntax.createNumber(r)));
    }

    /** Delivers a message from Vigil into this agent's mailbox (used for notify). */
    void receiveFromVigil(Message m) {
        getTS().getC().addMsg(m);
    }

    private void liftExpired() {
        Monitor m = monitor;
        if (m == null) {
            return;
        }
        if (showsMute && !m.isMuted(name)) {
            forget("mute");
            showsMute = false;
        }
        if (showsQuarantine && !m.isQuarantined(name)) {
            forget("quarantine");
            showsQuarantine = false;
        }
    }

    private void forget(String kind) {
        forget("vigil_sanction", 2, kind);
    }

    /** Removes Vigil's beliefs {@code functor/arity} (whose first argument is {@code first}, when given). */
    void forget(String functor, int arity, String first) {
        Agent ag = getTS().getAg();
        List<Literal> found = new ArrayList<>();
        BeliefLock.run(ag.getBB(), () -> {
            Iterator<Literal> it = ag.getBB().getCandidateBeliefs(new PredicateIndicator(functor, arity));
            while (it != null && it.hasNext()) {
                Literal l = it.next();
                if (l.hasSource(VIGIL_ATOM) && (first == null || l.getTerm(0).toString().equals(first))) {
                    found.add(l);
                }
            }
        });
        for (Literal l : found) {
            try {
                // A copy: removing strips the annotations off the stored literal, and the event must keep source(vigil).
                ag.delBel(l.copy());
            } catch (RevisionFailedException e) {
                LOG.warn("{}: could not remove {}: {}", getAgName(), l, e.getMessage());
            }
        }
    }

    /** The last architecture of the chain: the infrastructure, which delivers without asking anyone. */
    AgArch infrastructure() {
        AgArch a = this;
        while (a.getNextAgArch() != null) {
            a = a.getNextAgArch();
        }
        return a;
    }
}
