package vigil.bench;

import java.time.Duration;
import java.util.Map;
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
import vigil.core.Event;
import vigil.core.Findings;
import vigil.core.CompiledRules;
import vigil.core.RuleCompiler;
import vigil.core.RuleLoader;
import vigil.core.KnownAgent;
import java.util.HashSet;
import java.util.Set;

/**
 * The default packs run the obvious way, to show what Vigil's design gains: every rule (gate and watch
 * alike) in one stream-mode session, each event inserted and {@code fireAllRules} called for it, in the
 * caller's thread; no split into a gate and a watch, no batching, and events never expire. It counts what
 * the rules find and does nothing more with it (no sentencing, no alerts), which only flatters it.
 */
final class Naive implements AutoCloseable {

    private final KieSession session;
    private final Findings findings;
    private final SessionPseudoClock clock;
    private final Set<String> agents = new HashSet<>();
    private long found;

    Naive() {
        ClassLoader loader = Naive.class.getClassLoader();
        // Ten years' retention: nothing expires while it is measured.
        CompiledRules book = RuleCompiler.compile(RuleLoader.fromClasspath(loader), Map.of(), Duration.ofDays(3650));
        KieBaseConfiguration conf = KieServices.Factory.get()
                .newKieBaseConfiguration(null, ((InternalKnowledgeBase) book.gate()).getRootClassLoader());
        conf.setOption(EventProcessingOption.STREAM);
        InternalKnowledgeBase all = KnowledgeBaseFactory.newKnowledgeBase(conf);
        all.addPackages(book.gate().getKiePackages());
        all.addPackages(book.watch().getKiePackages());
        KieServices ks = KieServices.Factory.get();
        KieSessionConfiguration sc = ks.newKieSessionConfiguration();
        sc.setOption(ClockTypeOption.PSEUDO);
        Environment env = ks.newEnvironment();
        findings = new Findings(book);
        env.set(Findings.KEY, findings);
        session = all.newKieSession(sc, env);
        clock = session.getSessionClock();
        long rules = all.getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
        if (rules != book.rules().size()) {
            throw new IllegalStateException("the naive session has " + rules + " rules, the packs " + book.rules().size());
        }
    }

    void judge(Event e) {
        long now = clock.getCurrentTime();
        if (e.time() > now) {
            clock.advanceTime(e.time() - now, TimeUnit.MILLISECONDS);
        }
        // The packs anchor per-agent windows on the agents the monitor knows; the naive way keeps them too.
        for (String a : e.agents()) {
            if (agents.add(a)) {
                session.insert(new KnownAgent(a, e.time()));
            }
        }
        session.insert(e);
        session.fireAllRules();
        found += findings.drain().size();
    }

    long found() {
        return found;
    }

    long facts() {
        return session.getFactCount();
    }

    @Override
    public void close() {
        session.dispose();
    }
}
