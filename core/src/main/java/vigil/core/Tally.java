package vigil.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a flood of like records out of the audit log without losing count: the first of a run of one kind
 * (one key) is recorded in full, the ones after it within the interval are only counted, and a summary
 * says how many ({@code N more like this from X in T s}) when the interval has passed (at the next one of
 * the kind) or when the run is ended ({@link #endIfOver}, {@link #endAll} at close). Memory: one entry per key.
 * Thread-safe.
 */
final class Tally {

    /**
     * What went unrecorded in one run of a {@code kind} of record (as the caller words it) from {@code label}:
     * {@code held} records after the first, from {@code since} to {@code last}.
     */
    record Summary(String kind, String label, long held, long since, long last, String lastDetail) {

        /** {@code 4900 more like this from alice in 3.2 s} (with the label as given). */
        String text() {
            return held + " more like this from " + label + " in " + Durations.seconds(last - since)
                    + (lastDetail == null ? "" : " (the last: " + lastDetail + ")");
        }
    }

    /** The caller records {@code first} in full; before it, the {@code summary} of the run that ended, if any. */
    record Note(boolean first, Summary summary) {
    }

    private static final class Run {
        final String kind;
        final String label;
        final long since;
        long held;
        long last;
        String lastDetail;

        Run(String kind, String label, long since) {
            this.kind = kind;
            this.label = label;
            this.since = since;
            this.last = since;
        }

        Summary summary() {
            return held == 0 ? null : new Summary(kind, label, held, since, last, lastDetail);
        }
    }

    private final Map<String, Run> runs = new HashMap<>();

    /**
     * Counts one of the kind {@code key} at {@code time}. The first of a run (none open, or the open one is
     * {@code interval} old) is to be recorded in full; a run that ends that way hands back its summary.
     */
    synchronized Note count(String key, String kind, String label, long time, long interval, String detail) {
        Run r = runs.get(key);
        Summary ended = null;
        if (r != null && time - r.since >= interval) {
            ended = r.summary();
            r = null;
        }
        if (r == null) {
            runs.put(key, new Run(kind, label, time));
            return new Note(true, ended);
        }
        r.held++;
        r.last = Math.max(r.last, time);
        r.lastDetail = detail;
        return new Note(false, null);
    }

    /**
     * Ends the run of {@code key} if it is {@code interval} old at {@code time}: its summary, or null when
     * nothing was held back or the run goes on.
     */
    synchronized Summary endIfOver(String key, long time, long interval) {
        Run r = runs.get(key);
        if (r == null || time - r.since < interval) {
            return null;
        }
        runs.remove(key);
        return r.summary();
    }

    /** Ends every run: the summaries of those that held something back. */
    synchronized List<Summary> endAll() {
        List<Summary> out = new ArrayList<>();
        for (Run r : runs.values()) {
            Summary s = r.summary();
            if (s != null) {
                out.add(s);
            }
        }
        runs.clear();
        return out;
    }
}
