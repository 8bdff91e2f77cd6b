package vigil.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A compiled rule's metadata, read from its {@code @} annotations: the value it protects, the alignment
 * level, the severity, the sanction it requests by default, the path it runs on, how long the same
 * finding is not repeated ({@code @cooldown}), and the parameters of its pack with their values in force.
 * An immutable value, safe to share between threads.
 */
public record RuleInfo(
        String name,
        String packageName,
        String pack,
        String packVersion,
        String origin,
        String value,
        Alignment level,
        Severity severity,
        List<Sanction> sanctions,
        RulePath path,
        Duration cooldown,
        Map<String, String> params) {

    public RuleInfo {
        sanctions = List.copyOf(sanctions);
        params = Map.copyOf(params);
    }

    /** Whether the rule reports violations (helper rules that only derive facts have no {@code @value}). */
    public boolean judges() {
        return value != null;
    }
}
