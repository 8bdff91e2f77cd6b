package vigil.core;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import vigil.core.Alert.SystemAlert;

/**
 * Runs a monitor whose audit log fills its file system (the test starts it under {@code ulimit -f}): sends
 * {@code args[2]} messages, every other one a lie the gate blocks and the others unsure tells it flags,
 * and prints what happened as {@code key=value} lines.
 */
public final class FullDiskMain {

    private FullDiskMain() {
    }

    public static void main(String[] args) throws Exception {
        Path audit = Path.of(args[0]);
        Config.FailMode fail = Config.FailMode.valueOf(args[1]);
        int n = Integer.parseInt(args[2]);
        AtomicLong sinkFailed = new AtomicLong();
        AtomicLong violations = new AtomicLong();
        Monitor m = Vigil.builder()
                .config(Config.builder().audit(audit).fail(fail).logAlerts(false).clock(Config.ClockMode.EVENTS).rules(new RuleSource("honesty.drl", MonitorTest.HONESTY)).build())
                .sink((Alert a) -> {
                    if (a instanceof SystemAlert s && s.kind() == SystemAlert.Kind.SINK_FAILED) {
                        sinkFailed.incrementAndGet();
                    } else if (a instanceof Alert.ViolationAlert) {
                        violations.incrementAndGet();
                    }
                })
                .serviceSinks(false)
                .start();
        long lies = 0;
        long liesBlocked = 0;
        long unsure = 0;
        long unsureBlocked = 0;
        for (int i = 1; i <= n; i++) {
            boolean lie = i % 2 == 0;
            MessageEvent e = MessageEvent.of("m" + i, i * 10L, "agent" + (i % 7), "bob", "tell",
                    Term.struct("price", Term.atom("fish"), Term.num(i)))
                    .withBelief(lie ? SenderBelief.BELIEVES_NEGATION : SenderBelief.NO_BELIEF);
            Verdict v = m.judge(e);
            if (lie) {
                lies++;
                liesBlocked += v.blocked() ? 1 : 0;
            } else {
                unsure++;
                unsureBlocked += v.blocked() ? 1 : 0;
            }
        }
        m.flushAlerts(10_000);
        Stats s = m.stats();
        System.out.println("observed=" + s.observed());
        System.out.println("lies=" + lies);
        System.out.println("liesBlocked=" + liesBlocked);
        System.out.println("unsure=" + unsure);
        System.out.println("unsureBlocked=" + unsureBlocked);
        System.out.println("auditFailures=" + s.auditFailures());
        System.out.println("sinkFailed=" + sinkFailed.get());
        System.out.println("violationAlerts=" + violations.get());
        m.close();
        System.out.println("closed=true");
    }
}
