package vigil.core;

import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
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

    /** Whether some rule of {@code kbase} matches facts of {@code type} (the compiled network has a node for it). */
    static boolean reads(KieBase kbase, Class<?> type) {
        for (EntryPointNode entry : ((InternalKnowledgeBase) kbase).getRete().getEntryPointNodes().values()) {
            for (ObjectTypeNode otn : entry.getObjectTypeNodes().values()) {
                if (otn.getObjectType() instanceof ClassObjectType cot && cot.getClassType() == type) {
                    return true;
                }
            }
        }
        return false;
    }
}
