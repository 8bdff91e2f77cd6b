package vigil.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import vigil.core.ActionEvent;
import vigil.core.ActionOutcome;
import vigil.core.Alert.ViolationAlert;
import vigil.core.AlertSink;
import vigil.core.Alert;
import vigil.core.MessageEvent;
import vigil.core.Monitor;
import vigil.core.Stats;
import vigil.core.Violation;

/**
 * A monitor's meters, named by Micrometer's conventions (dots; a registry renders them in its own style,
 * Prometheus as {@code vigil_events_total}): events judged by kind, verdicts, violations by value and
 * severity, sanctions in force, the watch's lag and queue depth, audit failures. Bind it to any
 * {@link MeterRegistry}; {@link LiveView} binds it to the Prometheus registry it serves at {@code /metrics}.
 * {@link #bindTo} adds an alert sink and an event observer to the monitor, so bind each instance once.
 */
public final class VigilMetrics implements MeterBinder {

    private final Monitor monitor;
    private final Board board;

    /** Meters of {@code monitor}; the sanctions in force are counted from the monitor's own alerts. */
    public VigilMetrics(Monitor monitor) {
        this(monitor, null);
    }

    VigilMetrics(Monitor monitor, Board board) {
        this.monitor = monitor;
        this.board = board;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Board sanctions = board;
        if (sanctions == null) {
            sanctions = new Board(monitor);
            monitor.addSink(sanctions);
        }
        verdict(registry, "allow", Stats::allowed);
        verdict(registry, "flag", Stats::flagged);
        verdict(registry, "block", Stats::blocked);
        verdict(registry, "withheld", Stats::withheld);
        FunctionCounter.builder("vigil.audit.failures", monitor, m -> m.stats().auditFailures())
                .description("records the audit log failed to write").register(registry);
        FunctionCounter.builder("vigil.engine.errors", monitor, m -> m.stats().engineErrors())
                .description("rules that threw while judging").register(registry);
        FunctionCounter.builder("vigil.violations.suppressed", monitor, m -> m.stats().suppressed())
                .description("repeats held back by a rule's cooldown").register(registry);
        Gauge.builder("vigil.watch.queue.depth", monitor, m -> {
            Stats s = m.stats();
            return Math.max(0, s.watchQueued() - s.watchJudged());
        }).description("events queued for the watch and not judged yet").register(registry);
        Board b = sanctions;
        for (String kind : new String[] {"mute", "quarantine"}) {
            Gauge.builder("vigil.sanctions.in.force", b, x -> x.inForce(kind)).tag("kind", kind)
                    .description("agents under this sanction now").register(registry);
        }
        Counter messages = events(registry, "message");
        Counter actions = events(registry, "action");
        Counter reports = events(registry, "report");
        Counter outcomes = events(registry, "outcome");
        Timer lag = Timer.builder("vigil.watch.lag").description("from an event's time to the watch taking it in")
                .register(registry);
        monitor.addObserver((e, tookEffect) -> {
            (e instanceof MessageEvent ? messages : e instanceof ActionEvent ? actions
                    : e instanceof ActionOutcome ? outcomes : reports).increment();
            lag.record(Math.max(0, System.currentTimeMillis() - e.time()), TimeUnit.MILLISECONDS);
        });
        monitor.addSink(new ViolationCounter(registry));
    }

    private void verdict(MeterRegistry registry, String decision, ToDoubleFunction<Stats> count) {
        FunctionCounter.builder("vigil.verdicts", monitor, m -> count.applyAsDouble(m.stats())).tag("decision", decision)
                .description("events judged by the gate, by decision (withheld: under a sanction in force)")
                .register(registry);
    }

    private static Counter events(MeterRegistry registry, String kind) {
        return Counter.builder("vigil.events").tag("kind", kind).description("events judged, by kind").register(registry);
    }

    /** Counts violations by value and severity, on the sink's own thread. */
    private record ViolationCounter(MeterRegistry registry) implements AlertSink {
        @Override
        public void accept(Alert alert) {
            if (alert instanceof ViolationAlert va) {
                Violation v = va.violation();
                Counter.builder("vigil.violations").tag("value", v.value())
                        .tag("severity", v.severity().name().toLowerCase(Locale.ROOT))
                        .description("violations found, by value and severity").register(registry).increment();
            }
        }

        @Override
        public String name() {
            return "metrics";
        }
    }
}
