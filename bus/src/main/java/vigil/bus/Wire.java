package vigil.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vigil.core.Alert.ViolationAlert;
import vigil.core.AuditTrail;
import vigil.core.AppliedSanction;
import vigil.core.Event;
import vigil.core.EventFormatException;
import vigil.core.Trace;
import vigil.core.Sanction;
import vigil.core.Violation;

/**
 * What travels on the bus, as JSON. On the events topic, one record per judged event, keyed by the agent
 * responsible (so one agent's events stay in order on one partition):
 * <pre>
 * {"source":"host:4242@1764576000000","effect":true,"event":{...the event's JSON form, its id prefixed "SOURCE/"...}}
 * </pre>
 * and, from each JVM, {@code {"source":..,"news":"joined"|"alive"|"left"}} now and then, so the watch service
 * knows who is there. On the sanctions topic, one record per violation the watch service sentenced, in the
 * audit log's form ({@link AuditTrail}: the violation, the sanctions with their agents, the evidence).
 */
final class Wire {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Wire() {
    }

    /** A record of the events topic, read back: an event from a source, or news about the source. */
    record Envelope(String source, boolean effect, Event event, String news) {
    }

    static String event(String source, Event e, boolean effect) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", source);
        o.put("effect", effect);
        ObjectNode ev;
        try {
            ev = (ObjectNode) MAPPER.readTree(Trace.write(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("the event's own JSON form does not read back: " + ex.getMessage(), ex);
        }
        ev.put("id", source + "/" + e.id());
        o.set("event", ev);
        return o.toString();
    }

    static String news(String source, String news) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", source);
        o.put("news", news);
        return o.toString();
    }

    static Envelope read(String json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject() || !o.path("source").isTextual()) {
            throw new EventFormatException("not a record of the bus (no \"source\")");
        }
        String source = o.get("source").asText();
        if (o.has("news")) {
            return new Envelope(source, false, null, o.get("news").asText());
        }
        JsonNode ev = o.get("event");
        if (ev == null || !ev.isObject()) {
            throw new EventFormatException("a record of the bus without \"event\"");
        }
        return new Envelope(source, o.path("effect").asBoolean(true), Trace.read(ev.toString()), null);
    }

    static String violation(ViolationAlert alert) {
        return alert.toJson();
    }

    /** A violation sentenced by the watch service, and the sanctions decided for it. */
    record Sentenced(Violation violation, List<AppliedSanction> sanctions) {

        /** The same violation, with only the sanctions on the agents {@code here} accepts. */
        Sentenced only(java.util.function.Predicate<String> here) {
            return new Sentenced(violation, sanctions.stream().filter(s -> here.test(s.agent())).toList());
        }
    }

    /** Reads a violation record (of the sanctions topic, or a line of an audit log). */
    static Sentenced sentenced(String json) {
        AuditTrail.Entry e;
        try {
            e = AuditTrail.read(json);
        } catch (IllegalArgumentException ex) {
            throw new EventFormatException(ex.getMessage());
        }
        if (!"violation".equals(e.kind()) || e.violation() == null) {
            throw new EventFormatException("not a violation record");
        }
        Violation v = e.violation();
        List<AppliedSanction> sanctions = new ArrayList<>();
        for (String s : e.sanctions()) {
            int colon = s.indexOf(':');
            sanctions.add(new AppliedSanction(s.substring(0, colon).trim(), Sanction.parse(s.substring(colon + 1).trim()), v,
                    1, v.time()));
        }
        return new Sentenced(v, sanctions);
    }

    static Sentenced sentenced(JsonNode o) {
        return sentenced(o.toString());
    }

    /**
     * What makes a violation the same one when it is found again: its rule, the agents held responsible and
     * the events cited. Ids of violations are not part of it (a restarted watch service numbers afresh).
     */
    static String key(Violation v) {
        List<String> agents = new ArrayList<>(v.agents());
        agents.sort(null);
        List<String> evidence = new ArrayList<>(v.evidence());
        evidence.sort(null);
        return v.pack() + '\u0000' + v.rule() + '\u0000' + String.join(",", agents) + '\u0000' + String.join(",", evidence);
    }
}
