package vigil.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON form of every event: a single-line object with a schema version {@code "v"} and a
 * {@code "type"} ({@code message}, {@code action}, {@code outcome}, {@code report}). It is how events appear in the audit
 * log and in recorded traces, so it only ever grows by optional fields.
 *
 * <pre>
 * {"v":1,"type":"message","id":"m1","time":1000,"sender":"alice","receiver":"bob","performative":"tell",
 *  "content":{"f":"price","args":[{"f":"apple"},{"n":"12"}]},"text":"price(apple,12)","senderBelief":"BELIEVES"}
 * </pre>
 * A term is {@code {"f":functor,"args":[..],"annots":[..]}} for a structure (empty arrays left out),
 * {@code {"n":"12.5"}} for a number, {@code {"s":".."}} for a string, {@code {"list":[..]}} for a list and
 * {@code {"var":"X"}} for a variable. Thread-safe.
 */
final class EventJson {

    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    /** The event as one line of JSON (no line break inside: newlines in strings are escaped). */
    public static String write(Event event) {
        return toNode(event).toString();
    }

    public static ObjectNode toNode(Event event) {
        ObjectNode o = NODES.objectNode();
        o.put("v", SCHEMA_VERSION);
        if (event instanceof MessageEvent m) {
            o.put("type", "message");
            o.put("id", m.id());
            o.put("time", m.time());
            o.put("sender", m.sender());
            o.put("receiver", m.receiver());
            o.put("performative", m.performative());
            o.set("content", term(m.content()));
            o.put("text", m.text());
            if (m.inReplyTo() != null) {
                o.put("inReplyTo", m.inReplyTo());
            }
            o.put("senderBelief", m.senderBelief().name());
        } else if (event instanceof ActionEvent a) {
            o.put("type", "action");
            o.put("id", a.id());
            o.put("time", a.time());
            o.put("agent", a.agent());
            o.set("action", term(a.action()));
        } else if (event instanceof ActionOutcome a) {
            o.put("type", "outcome");
            o.put("id", a.id());
            o.put("time", a.time());
            o.put("agent", a.agent());
            o.set("action", term(a.action()));
            o.put("attempt", a.attempt());
            o.put("result", a.result().name());
        } else if (event instanceof ReportEvent r) {
            o.put("type", "report");
            o.put("id", r.id());
            o.put("time", r.time());
            o.put("agent", r.agent());
            o.put("value", r.value());
            o.put("description", r.description());
            if (r.about() != null) {
                o.put("about", r.about());
            }
        }
        return o;
    }

    /** Reads one line of JSON. */
    public static Event read(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new EventFormatException("not a JSON object");
        }
        return fromNode(node);
    }

    public static Event fromNode(JsonNode o) {
        int v = o.path("v").asInt(-1);
        if (v < 1) {
            throw new EventFormatException("missing schema version \"v\"");
        }
        if (v > SCHEMA_VERSION) {
            throw new EventFormatException("schema version " + v + " is newer than this Vigil reads (" + SCHEMA_VERSION + ")");
        }
        String type = text(o, "type");
        return switch (type) {
            case "message" -> new MessageEvent(text(o, "id"), time(o), text(o, "sender"), text(o, "receiver"),
                    text(o, "performative"), term(field(o, "content")), optText(o, "text"), optText(o, "inReplyTo"),
                    belief(optText(o, "senderBelief")));
            case "action" -> new ActionEvent(text(o, "id"), time(o), text(o, "agent"), term(field(o, "action")));
            case "outcome" -> new ActionOutcome(text(o, "id"), time(o), text(o, "agent"), term(field(o, "action")),
                    optText(o, "attempt"), result(text(o, "result")));
            case "report" -> new ReportEvent(text(o, "id"), time(o), text(o, "agent"), text(o, "value"),
                    optText(o, "description"), optText(o, "about"));
            default -> throw new EventFormatException("unknown event type \"" + type + "\"");
        };
    }

    public static ObjectNode term(Term t) {
        ObjectNode o = NODES.objectNode();
        switch (t.kind()) {
            case STRUCTURE -> {
                o.put("f", t.functor());
                if (!t.args().isEmpty()) {
                    o.set("args", terms(t.args()));
                }
            }
            case NUMBER -> o.put("n", t.functor());
            case STRING -> o.put("s", t.functor());
            case LIST -> o.set("list", terms(t.args()));
            case VARIABLE -> o.put("var", t.functor());
        }
        if (!t.annotations().isEmpty()) {
            o.set("annots", terms(t.annotations()));
        }
        return o;
    }

    private static ArrayNode terms(List<Term> ts) {
        ArrayNode a = NODES.arrayNode(ts.size());
        for (Term t : ts) {
            a.add(term(t));
        }
        return a;
    }

    public static Term term(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new EventFormatException("a term must be a JSON object");
        }
        List<Term> annots = termList(o.get("annots"), "annots");
        if (o.has("f")) {
            return new Term(Term.Kind.STRUCTURE, text(o, "f"), termList(o.get("args"), "args"), annots);
        }
        if (o.has("n")) {
            String n = text(o, "n");
            try {
                return new Term(Term.Kind.NUMBER, n, List.of(), annots);
            } catch (IllegalArgumentException e) {
                throw new EventFormatException("\"n\" is not a number: " + n);
            }
        }
        if (o.has("s")) {
            return new Term(Term.Kind.STRING, text(o, "s"), List.of(), annots);
        }
        if (o.has("list")) {
            return new Term(Term.Kind.LIST, "[]", termList(o.get("list"), "list"), annots);
        }
        if (o.has("var")) {
            return new Term(Term.Kind.VARIABLE, text(o, "var"), List.of(), annots);
        }
        throw new EventFormatException("a term needs one of \"f\", \"n\", \"s\", \"list\", \"var\"");
    }

    private static List<Term> termList(JsonNode a, String name) {
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new EventFormatException("\"" + name + "\" must be an array");
        }
        List<Term> out = new ArrayList<>(a.size());
        for (JsonNode n : a) {
            out.add(term(n));
        }
        return out;
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            throw new EventFormatException("missing \"" + name + "\"");
        }
        return n;
    }

    private static String text(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isTextual()) {
            throw new EventFormatException("\"" + name + "\" must be a string");
        }
        return n.asText();
    }

    private static String optText(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static long time(JsonNode o) {
        JsonNode n = field(o, "time");
        if (!n.canConvertToLong()) {
            throw new EventFormatException("\"time\" must be a whole number of milliseconds");
        }
        return n.asLong();
    }

    private static ActionOutcome.Result result(String s) {
        try {
            return ActionOutcome.Result.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException("unknown action result \"" + s + "\" (DONE, FAILED or WITHHELD)");
        }
    }

    private static SenderBelief belief(String s) {
        if (s == null) {
            return SenderBelief.NOT_CAPTURED;
        }
        try {
            return SenderBelief.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException("unknown senderBelief \"" + s + "\"");
        }
    }
}
