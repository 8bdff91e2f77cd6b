package vigil.core;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Alert.SystemAlert;

/**
 * Hands every alert to the sinks: first the synchronous ones (the audit log, the log line), in the caller's
 * thread, then each added sink through a queue and a thread of its own. A sink that throws or falls behind
 * never stops the others; its trouble is reported to them as a {@code SINK_FAILED} alert.
 */
final class AlertDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    private final List<AlertSink> synchronous = new CopyOnWriteArrayList<>();
    private final List<QueuedSink> queued = new CopyOnWriteArrayList<>();
    private final int queueCapacity;
    private final LongSupplier clock;
    private final AtomicLong auditFailures = new AtomicLong();

    public AlertDispatcher(int queueCapacity, LongSupplier clock) {
        this.queueCapacity = queueCapacity;
        this.clock = clock;
    }

    /** A sink called in the caller's thread before {@link #dispatch} returns (the audit log, the log line). */
    public void addSynchronous(AlertSink sink) {
        synchronous.add(sink);
    }

    /** A sink called from a thread of its own. */
    public void add(AlertSink sink) {
        QueuedSink q = new QueuedSink(sink, queueCapacity);
        queued.add(q);
        q.thread.start();
    }

    /** How many records the synchronous sinks failed to take (a full disk under the audit log, say). */
    public long synchronousFailures() {
        return auditFailures.get();
    }

    /**
     * Called with each alert before the synchronous sinks record it, in the dispatching thread (the trace
     * makes the events the alert cites durable there first).
     */
    void beforeRecording(java.util.function.Consumer<Alert> first) {
        this.before = first;
    }

    private volatile java.util.function.Consumer<Alert> before;

    /** Returns false when a synchronous sink failed to record the alert. */
    public boolean dispatch(Alert alert) {
        java.util.function.Consumer<Alert> b = before;
        if (b != null) {
            try {
                b.accept(alert);
            } catch (RuntimeException e) {
                LOG.error("could not make the events an alert cites durable before it: {}", e.toString());
            }
        }
        boolean recorded = true;
        for (AlertSink s : synchronous) {
            try {
                s.accept(alert);
            } catch (Exception e) {
                recorded = false;
                auditFailures.incrementAndGet();
                reportFailure(s, e.toString(), alert);
            }
        }
        for (QueuedSink q : queued) {
            q.offer(alert);
        }
        return recorded;
    }

    private void reportFailure(AlertSink failed, String what, Alert cause) {
        if (cause instanceof SystemAlert sa && sa.kind() == SystemAlert.Kind.SINK_FAILED) {
            LOG.error("alert sink {} failed on a sink-failure alert: {}", failed.name(), what);
            return;
        }
        SystemAlert alert = new SystemAlert(SystemAlert.Kind.SINK_FAILED,
                "alert sink " + failed.name() + " failed: " + SafeText.oneLine(what, 500), clock.getAsLong());
        for (AlertSink s : synchronous) {
            if (s != failed) {
                try {
                    s.accept(alert);
                } catch (Exception e) {
                    LOG.error("alert sink {} failed too: {}", s.name(), e.toString());
                }
            }
        }
        for (QueuedSink q : queued) {
            if (q.sink != failed) {
                q.offer(alert);
            }
        }
    }

    /** Waits until every queued sink has taken what was dispatched so far, or the timeout passes. */
    public boolean flush(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (QueuedSink q : queued) {
            while (q.pending.get() > 0) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(2);
            }
        }
        return true;
    }

    /** Flushes the queued sinks (up to two seconds each) and closes every sink. */
    @Override
    public void close() {
        for (QueuedSink q : queued) {
            q.stop();
        }
        for (AlertSink s : synchronous) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.error("closing alert sink {} failed: {}", s.name(), e.toString());
            }
        }
    }

    private final class QueuedSink implements Runnable {
        final AlertSink sink;
        final BlockingQueue<Alert> queue;
        final AtomicLong pending = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final Thread thread;
        volatile boolean stopping;

        QueuedSink(AlertSink sink, int capacity) {
            this.sink = sink;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = new Thread(this, "vigil-sink-" + sink.name());
            thread.setDaemon(true);
        }

        void offer(Alert alert) {
            pending.incrementAndGet();
            if (!queue.offer(alert)) {
                pending.decrementAndGet();
                if (dropped.getAndIncrement() == 0) {
                    reportFailure(sink, "it fell " + queueCapacity + " alerts behind; further alerts to it are"
                            + " dropped and counted until it catches up", alert);
                }
            }
        }

        @Override
        public void run() {
            while (!stopping || !queue.isEmpty()) {
                Alert a;
                try {
                    a = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    break;
                }
                if (a == null) {
                    continue;
                }
                try {
                    sink.accept(a);
                } catch (Exception e) {
                    reportFailure(sink, e.toString(), a);
                } finally {
                    pending.decrementAndGet();
                }
                long lost = dropped.get();
                if (lost > 0 && queue.isEmpty()) {
                    dropped.set(0);
                    reportFailure(sink, "it caught up after losing " + lost + " alerts", a);
                }
            }
        }

        void stop() {
            stopping = true;
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.error("alert sink {} did not finish within 2 s; {} alerts left undelivered to it", sink.name(), queue.size());
                thread.interrupt();
            }
            try {
                sink.close();
            } catch (Exception e) {
                LOG.error("closing alert sink {} failed: {}", sink.name(), e.toString());
            }
        }
    }
}
