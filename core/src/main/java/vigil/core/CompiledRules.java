package vigil.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * Compiled rules, ready for sessions: one knowledge base for the gate, one for the watch, the metadata of
 * every rule, and each pack's version (a hash of its text as compiled). Immutable; a reload builds a new one.
 */
final class CompiledRules {

    private final KieBase gate;
    private final KieBase watch;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byKey = new HashMap<>();
    private final Map<String, String> packVersions;
    private final List<RuleSource> sources;
    private final boolean gateHasRules;

    CompiledRules(KieBase gate, KieBase watch, List<RuleInfo> rules, Map<String, String> packVersions, List<RuleSource> sources) {
        this.gate = gate;
        this.watch = watch;
        this.rules = List.copyOf(rules);
        this.packVersions = Map.copyOf(packVersions);
        this.sources = List.copyOf(sources);
        boolean any = false;
        for (RuleInfo r : rules) {
            byKey.put(key(r.packageName(), r.name()), r);
            any |= r.path() != RulePath.WATCH;
        }
        this.gateHasRules = any;
    }

    static String key(String pkg, String name) {
        return pkg + '\u0000' + name;
    }

    public KieBase gate() {
        return gate;
    }

    public KieBase watch() {
        return watch;
    }

    /** Every rule, helper rules included. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public RuleInfo rule(String packageName, String name) {
        return byKey.get(key(packageName, name));
    }

    public Map<String, String> packVersions() {
        return packVersions;
    }

    public List<RuleSource> sources() {
        return sources;
    }

    /** Whether any rule runs in the gate; when none does, the gate answers without entering Drools. */
    public boolean gateHasRules() {
        return gateHasRules;
    }
}
