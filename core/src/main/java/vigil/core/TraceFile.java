package vigil.core;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The trace the watch writes: every observed event, one JSON line each. Events reach the watch in the order
 * agents' threads queued them, which can differ by a few milliseconds from their times, so an event is held
 * until the newest event seen is {@code trace.hold} later, or until a drain or the end writes them all.
 *
 * <p>Events an alert cites are made durable before the alert is recorded ({@link #keep}): they are written at
 * once, with the events held before them, and flushed to the operating system (forced to the disk with
 * {@code audit.sync}), so a kill cannot leave the audit log citing an event the trace lacks. The watch thread
 * holds and writes; any thread may keep. One lock guards it all. Writes go through a {@link FileOutputStream},
 * which an interrupt (Jason interrupts agent threads) does not close, unlike a channel.
 */
final class TraceFile implements AutoCloseable {

    /** An event held for the trace, with its place in the queue to keep events of the same time in order. */
    private record Held(long seq, Event event) {
    }

    private final FileOutputStream file;
    private final BufferedWriter out;
    private final long holdMs;
    private final boolean sync;
    private final PriorityQueue<Held> held = new PriorityQueue<>(
            Comparator.comparingLong((Held h) -> h.event().time()).thenComparingLong(Held::seq));
    /** Events written ahead of the watch (cited by a gate's alert): the watch does not write them again. */
    private final Set<Event> written = Collections.newSetFromMap(new IdentityHashMap<>());
    private long newest = Long.MIN_VALUE;
    private long seq;

    private TraceFile(FileOutputStream file, long holdMs, boolean sync) {
        this.file = file;
        this.out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8));
        this.holdMs = holdMs;
        this.sync = sync;
    }

    /** Opens (appends to) the trace, making its folder. */
    static TraceFile open(Path path, long holdMs, boolean sync) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new TraceFile(new FileOutputStream(path.toFile(), true), holdMs, sync);
    }

    /** Holds an event the watch took (the watch's thread), unless it was written ahead already. */
    synchronized void hold(Event e) {
        if (!written.isEmpty() && written.remove(e)) {
            return;
        }
        held.add(new Held(seq++, e));
        newest = Math.max(newest, e.time());
    }

    /** The time has come this far (the wall clock of an idle live watch): what is older than the hold is due. */
    synchronized void advance(long time) {
        newest = Math.max(newest, time);
    }

    /** Writes the held events older than the hold (or all), in time order. */
    synchronized void writeDue(boolean all) throws IOException {
        try {
            while (!held.isEmpty() && (all || held.peek().event().time() <= newest - holdMs)) {
                line(held.poll().event());
            }
        } catch (IOException e) {
            held.clear();
            throw e;
        }
    }

    /** Writes what is due (or all) and flushes it to the operating system. */
    synchronized void flush(boolean all) throws IOException {
        writeDue(all);
        out.flush();
    }

    /**
     * Makes the events an alert cites durable before the alert is recorded: the held events up to the latest
     * of them are written, in time order; those the watch has not {@code seen} yet (a gate's alert, in an
     * agent's thread) are written now and not again when the watch takes them. Then the file is flushed.
     */
    synchronized void keep(List<Event> cited, boolean seen) throws IOException {
        long upTo = Long.MIN_VALUE;
        for (Event e : cited) {
            upTo = Math.max(upTo, e.time());
        }
        try {
            while (!held.isEmpty() && held.peek().event().time() <= upTo) {
                line(held.poll().event());
            }
            if (!seen) {
                for (Event e : cited) {
                    if (written.add(e)) {
                        line(e);
                    }
                }
            }
            out.flush();
            if (sync) {
                file.getFD().sync();
            }
        } catch (IOException e) {
            held.clear();
            throw e;
        }
    }

    private void line(Event e) throws IOException {
        out.write(EventJson.write(e));
        out.newLine();
    }

    /** Writes everything held and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        try {
            writeDue(true);
        } finally {
            out.close();
        }
    }
}
