package vigil.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vigil.core.EngineProbe;
import vigil.core.ActionEvent;
import vigil.core.Event;
import vigil.core.MessageEvent;
import vigil.core.Term;

/**
 * The gate's verdict for one event with every default pack loaded: latency (run in
 * {@code Mode.SampleTime} for percentiles) and throughput, for the three shapes of traffic an agent makes:
 * a {@code tell}, an {@code achieve} and an environment action, all lawful.
 */
@State(Scope.Benchmark)
public class GateBench {

    @Param({"tell", "achieve", "action"})
    public String kind;

    private EngineProbe gate;
    private Event[] events;
    private int i;

    @Setup(Level.Trial)
    public void setUp() {
        gate = EngineProbe.gate(Monitors.config().build());
        events = new Event[1024];
        for (int n = 0; n < events.length; n++) {
            events[n] = event(kind, n);
        }
    }

    static Event event(String kind, int n) {
        long t = 1_000L + n;
        return switch (kind) {
            case "tell" -> MessageEvent.of("m" + n, t, "a1", "a2", "tell", Term.struct("quote", Term.atom("q" + n), Term.num(n)));
            case "achieve" -> MessageEvent.of("m" + n, t, "a1", "a2", "achieve", Term.struct("deliver", Term.atom("item" + n)));
            case "action" -> new ActionEvent("a" + n, t, "a1", Term.struct("harvest", Term.num(1)));
            default -> throw new IllegalArgumentException("kind: tell, achieve or action, not " + kind);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gate.close();
    }

    @Benchmark
    public List<String> verdict() {
        Event e = events[i++ & (events.length - 1)];
        return gate.judge(e);
    }

    /** The findings about the benchmark's events of every kind (the smoke test checks there are none). */
    static List<String> findings() {
        try (EngineProbe probe = EngineProbe.gate(Monitors.config().build())) {
            List<String> out = new ArrayList<>();
            for (String k : List.of("tell", "achieve", "action")) {
                for (int n = 0; n < 64; n++) {
                    out.addAll(probe.judge(event(k, n)));
                }
            }
            return out;
        }
    }
}
