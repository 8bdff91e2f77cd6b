package vigil.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vigil.core.Alert.SystemAlert;
import vigil.core.Alert.ViolationAlert;
import vigil.core.Alert;
import vigil.core.AlertSink;
import vigil.core.AppliedSanction;
import vigil.core.Event;
import vigil.core.EventObserver;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.Sanction;
import vigil.core.Stats;
import vigil.core.Violation;

/**
 * What the live page shows, kept up to date from the monitor's alerts (on the sink's thread) and its events
 * (on the watch's thread), read as one JSON snapshot. Bounded: the latest violations and system alerts, and
 * at most {@link #MAX_AGENTS} agents and {@link #MAX_EDGES} sender and receiver pairs (the rest is counted).
 * Thread-safe.
 */
final class Board implements AlertSink, EventObserver {

    static final int MAX_VIOLATIONS = 200;
    static final int MAX_SYSTEM = 30;
    static final int MAX_AGENTS = 300;
    static final int MAX_EDGES = 2000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Monitor monitor;
    private final long started = System.currentTimeMillis();
    private final Deque<ViolationAlert> violations = new ArrayDeque<>();
    private final Deque<SystemAlert> system = new ArrayDeque<>();
    private final Map<String, Long> byValue = new TreeMap<>();
    /** Agent name to messages sent; insertion order, so the cap keeps the first seen. */
    private final Map<String, long[]> agents = new LinkedHashMap<>();
    private final Map<String, Map<String, long[]>> edges = new HashMap<>();
    private final Map<String, Map<String, Boolean>> flagged = new HashMap<>();
    private final Map<String, Integer> violationsOf = new HashMap<>();
    /** Agent to kind ("mute", "quarantine") to the sanction as applied. */
    private final Map<String, Map<String, AppliedSanction>> sanctions = new TreeMap<>();
    private final Map<String, String> acknowledged = new HashMap<>();
    private long edgeCount;
    private long agentsOmitted;
    private long edgesOmitted;
    private long version;

    Board(Monitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "live view";
    }

    @Override
    public synchronized void observed(Event e, boolean tookEffect) {
        for (String a : e.agents()) {
            agent(a);
        }
        if (e instanceof MessageEvent m) {
            long[] sent = agent(m.sender());
            if (sent != null) {
                sent[0]++;
            }
            edge(m.sender(), m.receiver());
        }
        version++;
    }

    private long[] agent(String name) {
        long[] a = agents.get(name);
        if (a == null) {
            if (agents.size() >= MAX_AGENTS) {
                agentsOmitted++;
                return null;
            }
            a = new long[1];
            agents.put(name, a);
        }
        return a;
    }

    private long[] edge(String from, String to) {
        if (!agents.containsKey(from) || !agents.containsKey(to)) {
            return null;
        }
        Map<String, long[]> out = edges.computeIfAbsent(from, k -> new HashMap<>());
        long[] n = out.get(to);
        if (n == null) {
            if (edgeCount >= MAX_EDGES) {
                edgesOmitted++;
                return null;
            }
            n = new long[1];
            out.put(to, n);
            edgeCount++;
        }
        n[0]++;
        return n;
    }

    @Override
    public synchronized void accept(Alert alert) {
        if (alert instanceof ViolationAlert va) {
            Violation v = va.violation();
            violations.addLast(va);
            if (violations.size() > MAX_VIOLATIONS) {
                violations.removeFirst();
            }
            byValue.merge(v.value(), 1L, Long::sum);
            for (String a : v.agents()) {
                violationsOf.merge(a, 1, Integer::sum);
                agent(a);
            }
            for (Event e : va.evidence()) {
                if (e instanceof MessageEvent m) {
                    flagged.computeIfAbsent(m.sender(), k -> new HashMap<>()).put(m.receiver(), true);
                }
            }
            for (AppliedSanction s : va.sanctions()) {
                String kind = s.sanction() instanceof Sanction.Mute ? "mute"
                        : s.sanction() instanceof Sanction.Quarantine ? "quarantine" : null;
                if (kind != null) {
                    sanctions.computeIfAbsent(s.agent(), k -> new TreeMap<>()).put(kind, s);
                }
            }
        } else if (alert instanceof SystemAlert sa) {
            system.addLast(sa);
            if (system.size() > MAX_SYSTEM) {
                system.removeFirst();
            }
        }
        version++;
    }

    /** Marks a violation acknowledged (the monitor's audit log has recorded it); false when the page never listed it. */
    synchronized boolean acknowledge(String violationId, String by) {
        for (ViolationAlert va : violations) {
            if (va.violation().id().equals(violationId)) {
                acknowledged.put(violationId, by);
                version++;
                return true;
            }
        }
        return false;
    }

    synchronized Violation violation(String id) {
        for (ViolationAlert va : violations) {
            if (va.violation().id().equals(id)) {
                return va.violation();
            }
        }
        return null;
    }

    /** How many agents are under this kind of sanction now ({@code mute} or {@code quarantine}). */
    synchronized double inForce(String kind) {
        prune();
        int n = 0;
        for (Map<String, AppliedSanction> m : sanctions.values()) {
            if (m.containsKey(kind)) {
                n++;
            }
        }
        return n;
    }

    synchronized long version() {
        return version;
    }

    /** Forgets the sanctions the monitor no longer holds in force (ended, or released). */
    private void prune() {
        long now = System.currentTimeMillis();
        boolean changed = sanctions.entrySet().removeIf(e -> {
            String agent = e.getKey();
            e.getValue().entrySet().removeIf(k -> k.getKey().equals("mute") ? !monitor.isMuted(agent, now)
                    : !monitor.isQuarantined(agent, now));
            return e.getValue().isEmpty();
        });
        if (changed) {
            version++;
        }
    }

    /** The page's state as JSON: every string in it is data, to be shown as text. */
    synchronized ObjectNode snapshot() {
        prune();
        ObjectNode o = NODES.objectNode();
        long now = System.currentTimeMillis();
        o.put("now", now);
        o.put("started", started);
        o.put("version", version);
        Stats s = monitor.stats();
        ObjectNode c = o.putObject("counts");
        c.put("observed", s.observed());
        c.put("allowed", s.allowed());
        c.put("flagged", s.flagged());
        c.put("blocked", s.blocked());
        c.put("withheld", s.withheld());
        c.put("violations", s.violations());
        c.put("suppressed", s.suppressed());
        c.put("engineErrors", s.engineErrors());
        c.put("auditFailures", s.auditFailures());
        c.put("watchQueue", Math.max(0, s.watchQueued() - s.watchJudged()));
        ObjectNode values = o.putObject("byValue");
        byValue.forEach(values::put);
        ArrayNode vs = o.putArray("violations");
        for (ViolationAlert va : violations) {
            Violation v = va.violation();
            ObjectNode n = vs.addObject();
            n.put("id", v.id());
            n.put("time", v.time());
            n.put("value", v.value());
            n.put("severity", v.severity().name().toLowerCase(Locale.ROOT));
            n.put("rule", v.rule());
            n.put("explanation", v.explanation());
            n.put("decision", va.decision().name().toLowerCase(Locale.ROOT));
            ArrayNode who = n.putArray("agents");
            v.agents().forEach(who::add);
            ArrayNode applied = n.putArray("sanctions");
            va.sanctions().forEach(a -> applied.add(a.agent() + ": " + a.sanction()));
            String by = acknowledged.get(v.id());
            if (by != null) {
                n.put("acknowledgedBy", by);
            }
        }
        Map<String, Double> reputations = monitor.reputations();
        ArrayNode ag = o.putArray("agents");
        for (Map.Entry<String, long[]> e : agents.entrySet()) {
            ObjectNode n = ag.addObject();
            String name = e.getKey();
            n.put("name", name);
            n.put("sent", e.getValue()[0]);
            n.put("violations", violationsOf.getOrDefault(name, 0));
            n.put("reputation", reputations.containsKey(name) ? reputations.get(name) : monitor.reputation(name));
            Map<String, AppliedSanction> in = sanctions.get(name);
            if (in != null) {
                n.put("sanction", in.containsKey("quarantine") ? "quarantine" : "mute");
            }
        }
        o.put("agentsOmitted", agentsOmitted);
        ArrayNode es = o.putArray("edges");
        edges.forEach((from, out) -> out.forEach((to, n) -> {
            ObjectNode e = es.addObject();
            e.put("from", from);
            e.put("to", to);
            e.put("count", n[0]);
            e.put("flagged", flagged.getOrDefault(from, Map.of()).containsKey(to));
        }));
        o.put("edgesOmitted", edgesOmitted);
        ArrayNode sn = o.putArray("sanctions");
        sanctions.forEach((agent, kinds) -> kinds.forEach((kind, a) -> {
            ObjectNode n = sn.addObject();
            n.put("agent", agent);
            n.put("kind", kind);
            n.put("since", a.time());
            Sanction x = a.sanction();
            java.time.Duration d = x instanceof Sanction.Mute m ? m.duration() : ((Sanction.Quarantine) x).duration();
            if (d == null) {
                n.putNull("until");
            } else {
                n.put("until", a.time() + d.toMillis());
            }
            n.put("rule", a.cause().rule());
        }));
        ArrayNode sys = o.putArray("system");
        for (SystemAlert sa : system) {
            ObjectNode n = sys.addObject();
            n.put("kind", sa.kind().name().toLowerCase(Locale.ROOT));
            n.put("message", sa.message());
            n.put("time", sa.time());
        }
        return o;
    }
}
