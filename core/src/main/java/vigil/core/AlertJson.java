package vigil.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vigil.core.Alert.SystemAlert;
import vigil.core.Alert.ViolationAlert;
import vigil.core.Alert.WithheldAlert;

/** The JSON form of alerts and violations, as written in the audit log (events inside use {@link EventJson}). */
final class AlertJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AlertJson() {
    }

    /** The alert as an object with a {@code kind}: violation, withheld, or the system kind in lower case. */
    public static ObjectNode toNode(Alert alert) {
        ObjectNode o = NODES.objectNode();
        if (alert instanceof ViolationAlert va) {
            o.put("kind", "violation");
            o.put("time", va.time());
            o.set("violation", violation(va.violation()));
            o.put("decision", va.decision().name().toLowerCase(Locale.ROOT));
            ArrayNode applied = o.putArray("sanctions");
            for (AppliedSanction s : va.sanctions()) {
                ObjectNode a = applied.addObject();
                a.put("agent", s.agent());
                a.put("sanction", s.sanction().toString());
                a.put("breach", s.breach());
            }
            ArrayNode ev = o.putArray("evidence");
            for (Event e : va.evidence()) {
                ev.add(EventJson.toNode(e));
            }
        } else if (alert instanceof WithheldAlert w) {
            o.put("kind", "withheld");
            o.put("time", w.time());
            o.put("reason", w.reason());
            o.set("event", EventJson.toNode(w.event()));
        } else if (alert instanceof SystemAlert s) {
            o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
            o.put("time", s.time());
            o.put("message", s.message());
        }
        return o;
    }

    public static ObjectNode violation(Violation v) {
        ObjectNode o = NODES.objectNode();
        o.put("id", v.id());
        o.put("rule", v.rule());
        o.put("pack", v.pack());
        o.put("packVersion", v.packVersion());
        o.put("value", v.value());
        o.put("level", v.level().name().toLowerCase(Locale.ROOT));
        o.put("severity", v.severity().name().toLowerCase(Locale.ROOT));
        o.put("path", v.path().name().toLowerCase(Locale.ROOT));
        ArrayNode agents = o.putArray("agents");
        v.agents().forEach(agents::add);
        ArrayNode evidence = o.putArray("evidence");
        v.evidence().forEach(evidence::add);
        o.put("explanation", v.explanation());
        o.put("time", v.time());
        ArrayNode req = o.putArray("requested");
        v.requested().forEach(s -> req.add(s.toString()));
        return o;
    }

    /** Reads a violation written by {@link #violation(Violation)}. */
    public static Violation violation(JsonNode o) {
        List<String> agents = new ArrayList<>();
        o.path("agents").forEach(n -> agents.add(n.asText()));
        List<String> evidence = new ArrayList<>();
        o.path("evidence").forEach(n -> evidence.add(n.asText()));
        List<Sanction> requested = new ArrayList<>();
        o.path("requested").forEach(n -> requested.add(Recorded.of(n.asText())));
        return new Violation(o.path("id").asText(), o.path("rule").asText(), o.path("pack").asText(),
                o.path("packVersion").asText(), o.path("value").asText(), Alignment.parse(o.path("level").asText("human")),
                Severity.parse(o.path("severity").asText("medium")), RulePath.parse(o.path("path").asText("watch")),
                agents, evidence, o.path("explanation").asText(), o.path("time").asLong(), requested);
    }
}
