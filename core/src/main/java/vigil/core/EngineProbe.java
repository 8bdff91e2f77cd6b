package vigil.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;
import vigil.core.Findings.Finding;

/**
 * A handle on the engine for benchmarks (module {@code benchmarks}), not for a running monitor: nothing it
 * finds is sentenced, recorded or alerted. {@link #gate} is the gate alone, without the watch behind it (a JMH
 * loop judges far faster than any agent sends, so through {@link Monitor#judge} it would measure the watch's
 * queue filling up); {@link #allInOneSession} is the naive baseline Vigil's design is measured against.
 * Not thread-safe: one caller at a time.
 */
public final class EngineProbe implements AutoCloseable {

    private final Gate gate;
    private final KieSession session;
    private final Findings findings;
    private final SessionPseudoClock clock;
    private final Set<String> agents = new HashSet<>();
    /** The ledgers the watch keeps and inserts (the packs read them); null for the gate. */
    private final Contacts contacts;
    private final Claims claims;

    private EngineProbe(Gate gate, KieSession session, Findings findings) {
        this.gate = gate;
        this.session = session;
        this.findings = findings;
        this.clock = session == null ? null : session.getSessionClock();
        this.contacts = session == null ? null : new Contacts(NEVER);
        this.claims = session == null ? null : new Claims(NEVER);
        if (session != null) {
            session.insert(contacts);
            session.insert(claims);
        }
    }

    /** The naive session's retention: nothing expires. */
    private static final Duration NEVER = Duration.ofDays(3650);

    /** The gate with the configured rules (those of the class path included), compiled into a session of its own. */
    public static EngineProbe gate(Config config) {
        CompiledRules rules = new RuleSet(config, EngineProbe.class.getClassLoader()).compile();
        return new EngineProbe(new Gate(rules, config.facts(), config.get(Config.ADMISSION)), null, null);
    }

    /**
     * The class path's rule packs run the obvious way: every rule (gate and watch alike) in one stream-mode
     * session on a pseudo clock, each event inserted and {@code fireAllRules} called for it, events never
     * expire (ten years' retention), and the agents seen kept as {@link KnownAgent} facts and the messages in the
     * {@link Contacts} and {@link Claims} ledgers, as the watch does.
     */
    public static EngineProbe allInOneSession(ClassLoader loader) {
        CompiledRules book = RuleCompiler.compile(RuleLoader.fromClasspath(loader), Map.of(), NEVER);
        KieServices ks = KieServices.Factory.get();
        KieBaseConfiguration conf = ks.newKieBaseConfiguration(null, ((InternalKnowledgeBase) book.gate()).getRootClassLoader());
        conf.setOption(EventProcessingOption.STREAM);
        InternalKnowledgeBase all = KnowledgeBaseFactory.newKnowledgeBase(conf);
        all.addPackages(book.gate().getKiePackages());
        all.addPackages(book.watch().getKiePackages());
        KieSessionConfiguration sc = ks.newKieSessionConfiguration();
        sc.setOption(ClockTypeOption.PSEUDO);
        Environment env = ks.newEnvironment();
        Findings findings = new Findings(book);
        env.set(Findings.KEY, findings);
        KieSession session = all.newKieSession(sc, env);
        long rules = all.getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
        if (rules != book.rules().size()) {
            throw new IllegalStateException("the one session has " + rules + " rules, the packs " + book.rules().size());
        }
        return new EngineProbe(null, session, findings);
    }

    /** What the rules find about the event, one {@code rule: explanation} each; empty for a lawful event. */
    public List<String> judge(Event e) {
        List<Finding> found;
        if (gate != null) {
            found = gate.judge(e);
        } else {
            long now = clock.getCurrentTime();
            if (e.time() > now) {
                clock.advanceTime(e.time() - now, TimeUnit.MILLISECONDS);
            }
            for (String a : e.agents()) {
                if (agents.add(a)) {
                    session.insert(new KnownAgent(a, e.time()));
                }
            }
            if (e instanceof MessageEvent m) {
                contacts.record(m.sender(), m.receiver(), m.time());
                claims.record(m);
            }
            session.insert(e);
            session.fireAllRules();
            found = findings.drain();
        }
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(found.size());
        for (Finding f : found) {
            out.add(f.rule().name() + ": " + f.explanation());
        }
        return out;
    }

    /** The facts the all-in-one session holds (0 for the gate, which keeps none between events). */
    public long facts() {
        return session == null ? 0 : session.getFactCount();
    }

    @Override
    public void close() {
        if (gate != null) {
            gate.close();
        } else {
            session.dispose();
        }
    }
}
