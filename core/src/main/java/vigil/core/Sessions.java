package vigil.core;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;

/** Creates the Drools sessions of a rule book: each with its own findings collector and the context facts. */
final class Sessions {

    private Sessions() {
    }

    /** A session on {@code kbase} with a pseudo clock, so time only moves when the monitor moves it. */
    static KieSession open(KieBase kbase, CompiledRules book, Findings findings, List<Object> facts) {
        KieServices ks = KieServices.Factory.get();
        KieSessionConfiguration conf = ks.newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        Environment env = ks.newEnvironment();
        env.set(Findings.KEY, findings);
        KieSession s = kbase.newKieSession(conf, env);
        for (Object f : facts) {
            s.insert(f);
        }
        return s;
    }
}
