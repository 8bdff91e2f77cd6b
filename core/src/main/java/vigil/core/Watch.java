package vigil.core;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.core.common.DefaultEventHandle;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.impl.WorkingMemoryReteExpireAction;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.core.Findings.Finding;

/**
 * The asynchronous path: one monitor thread runs the watch rules (collective, temporal, windowed) in a
 * stream-mode session fed by a bounded queue. When the queue is full, {@link #submit} waits: no event is
 * ever dropped. The session's pseudo clock follows the events' times (and, in live mode, the wall clock
 * while idle, so rules about something that did not happen still fire). Rules fire once per batch of queued
 * events.
 *
 * <p>The watch lets its events go itself ({@link Held}): each for as long as the rules it can reach can still
 * use it ({@link Admission#hold}), in batches as the clock moves, by the engine's own expiry (so a match made
 * before an event's time was up still fires, as with an engine timer), with no timer per event. With
 * {@code watch.hold = retention} the engine expires every event itself after the retention, a timer each.
 */
final class Watch implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Watch.class);
    private static final int BATCH = 256;
    /** Fire before the clock jumps further than this, so a short window is not skipped inside one batch. */
    private static final long MAX_STEP_MS = 100;
    /**
     * After a batch that did not fill, the watch pauses this long before taking the next, so that under a
     * steady stream events gather into batches and the agents' threads, which queue them, need not wake the
     * watch for each one (a wake-up costs both sides more than judging an event the rules pass by).
     */
    private static final long GATHER_NANOS = 200_000;

    private sealed interface Item permits Observed, Advance, Barrier, Swap, Stop {
    }

    private record Observed(Event event, boolean insert) implements Item {
    }

    private record Advance(long time) implements Item {
    }

    private record Barrier(CountDownLatch latch) implements Item {
    }

    private record Swap(CompiledRules book) implements Item {
    }

    private record Stop() implements Item {
    }

    /** What the watch does with findings and with rule failures; called on the monitor thread. */
    interface Judge {
        void found(List<Finding> findings, CompiledRules book);

        void failed(RuntimeException e, String what);
    }

    private final BlockingQueue<Item> queue;
    private final Config config;
    private final Judge judge;
    private final Thread thread;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong judged = new AtomicLong();
    /** Events judged without entering the session: no watch rule could match them ({@link Admission}). */
    private final AtomicLong passedBy = new AtomicLong();
    /** The trace file, or null when no trace is kept. */
    private final TraceFile trace;
    private final List<EventObserver> observers = new CopyOnWriteArrayList<>();
    private final List<EventObserver> failedObservers = new CopyOnWriteArrayList<>();
    /** Every agent seen in an inserted event, in the order first seen; each is a fact in the session. */
    private final Map<String, KnownAgent> agents = new LinkedHashMap<>();
    /** Who talked to whom within the retention; a fact in every session, carried over reloads. */
    private final Contacts contacts;
    /** Whether events no watch rule can match are passed by ({@code admission}). */
    private final boolean admit;
    /** Whether the watch lets its events go itself ({@code watch.hold = rules}) rather than the engine's timers. */
    private final boolean holding;
    /** How many events the session holds, as of the last batch (or barrier, when the engine expires them). */
    private volatile long heldCount;
    /** What each agent told whom of each claim within the retention; a fact in every session, carried over reloads. */
    private final Claims claims;
    /** Whether the rules installed read the ledgers: a ledger no rule reads is not kept. */
    private boolean readsContacts;
    private boolean readsClaims;
    private CompiledRules book;
    /** The watch rules' chains; null when neither admission nor holding needs them. */
    private Admission admission;
    /** The events the watch holds and when it lets each go; null when the engine expires them. */
    private Held held;
    private KieSession session;
    private Findings findings;
    private RuleBudget budget;
    private SessionPseudoClock clock;
    /** The clock's time at the last firing; a new session counts as fired at its start. */
    private long lastFired;
    private volatile boolean stopped;

    Watch(CompiledRules book, Config config, Judge judge) throws IOException {
        this.queue = new ArrayBlockingQueue<>(config.watchQueue());
        this.config = config;
        this.judge = judge;
        this.trace = config.trace() == null ? null
                : TraceFile.open(config.trace(), config.get(Config.TRACE_HOLD).toMillis(), config.auditSync());
        this.contacts = new Contacts(config.retention());
        this.admit = config.get(Config.ADMISSION);
        this.holding = config.get(Config.WATCH_HOLD) == Config.Hold.RULES;
        this.claims = new Claims(config.retention());
        install(book);
        this.thread = new Thread(this, "vigil-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void install(CompiledRules b) {
        long now = clock == null ? 0 : clock.getCurrentTime();
        book = b;
        findings = new Findings(b);
        admission = admit || holding ? Admission.of(b.watch(), b.sources()) : null;
        budget = new RuleBudget(RuleBudget.WATCH_FIRINGS, RuleBudget.WATCH_MILLIS);
        session = Sessions.open(b.watch(), b, findings, config.facts());
        held = holding ? new Held(session, config.retention().toMillis()) : null;
        session.insert(contacts);
        session.insert(claims);
        readsContacts = Sessions.reads(b.watch(), Contacts.class);
        readsClaims = Sessions.reads(b.watch(), Claims.class);
        clock = session.getSessionClock();
        if (now > 0) {
            clock.advanceTime(now, TimeUnit.MILLISECONDS);
        }
        lastFired = clock.getCurrentTime();
    }

    /**
     * Queues an observed event; waits while the queue is full. {@code insert} is false for an event that
     * was withheld: it is traced but does not enter the rules, which see only what took effect.
     */
    void submit(Event e, boolean insert) {
        put(new Observed(e, insert));
        queued.incrementAndGet();
    }

    /** Moves the watch's clock to {@code time} (replays use it to let the last windows close). */
    void advanceTo(long time) {
        put(new Advance(time));
    }

    void swap(CompiledRules next) {
        put(new Swap(next));
    }

    /** Waits until everything queued before this call has been judged. */
    boolean drain(long timeoutMillis) throws InterruptedException {
        if (stopped) {
            return true;
        }
        CountDownLatch latch = new CountDownLatch(1);
        put(new Barrier(latch));
        return latch.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void put(Item item) {
        if (stopped) {
            throw new IllegalStateException("the monitor is closed");
        }
        // Waits through interrupts: Jason interrupts agent threads, and an event the gate has judged must
        // still reach the watch. The interrupt is kept for the caller.
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    queue.put(item);
                    return;
                } catch (InterruptedException ex) {
                    interrupted = true;
                    if (stopped) {
                        throw new IllegalStateException("the monitor is closed");
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long queued() {
        return queued.get();
    }

    long judged() {
        return judged.get();
    }

    /** How many of the judged events no watch rule could match, so they never entered the session. */
    long passedBy() {
        return passedBy.get();
    }

    /** How many events the watch's session holds: as of the last batch (the last drain, with engine expiry). */
    long held() {
        return heldCount;
    }

    int depth() {
        return queue.size();
    }

    @Override
    public void run() {
        List<Item> batch = new ArrayList<>(BATCH);
        boolean live = config.clock() == Config.ClockMode.LIVE;
        long tickMs = config.tick().toMillis();
        while (true) {
            Item first;
            try {
                first = queue.poll(tickMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                if (live) {
                    moveClock(System.currentTimeMillis());
                    fire();
                    if (trace != null) {
                        trace.advance(System.currentTimeMillis());
                    }
                }
                flushTrace();
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            boolean stop = false;
            int inserted = 0;
            for (Item item : batch) {
                if (item instanceof Observed o) {
                    trace(o.event());
                    if (!observers.isEmpty()) {
                        tell(o);
                    }
                    if (o.insert()) {
                        insert(o.event());
                    }
                    inserted++;
                } else if (item instanceof Advance a) {
                    fire();
                    moveClock(a.time());
                    fire();
                } else if (item instanceof Barrier b) {
                    fire();
                    judged.addAndGet(inserted);
                    inserted = 0;
                    heldCount = held != null ? held.size() : session.getObjects(o -> o instanceof Event).size();
                    flushTrace(true);
                    b.latch().countDown();
                } else if (item instanceof Swap s) {
                    fire();
                    judged.addAndGet(inserted);
                    inserted = 0;
                    swapNow(s.book());
                } else if (item instanceof Stop) {
                    stop = true;
                }
            }
            fire();
            judged.addAndGet(inserted);
            if (held != null) {
                heldCount = held.size();
            }
            boolean full = batch.size() == BATCH;
            batch.clear();
            writeTrace(false);
            if (stop) {
                break;
            }
            if (!full) {
                LockSupport.parkNanos(GATHER_NANOS);
            }
        }
        flushTrace(true);
    }

    /**
     * Installs new rules and carries the events still in memory into them, so open windows stay full. What
     * the carried events alone make the new rules find is not reported: those events were judged under the
     * old rules, and reporting them again would sanction the same behaviour twice. Facts the rules inserted
     * themselves are not carried; rules that derive them from events derive them again. The known agents
     * ({@link KnownAgent}) are carried. Each carried event is held as long as the new rules can use it, counted
     * from its own time; one they cannot use (no rule of theirs matches it, or its time with them is up) is not
     * carried, and the events the old rules had already let go are not there to carry.
     */
    private void swapNow(CompiledRules next) {
        KieSession old = session;
        List<Event> kept = new ArrayList<>();
        for (Object o : old.getObjects(o -> o instanceof Event)) {
            kept.add((Event) o);
        }
        kept.sort(Comparator.comparingLong(Event::time));
        install(next);
        old.dispose();
        for (KnownAgent a : agents.values()) {
            session.insert(a);
        }
        long now = clock.getCurrentTime();
        for (Event e : kept) {
            try {
                if (held == null) {
                    session.insert(e);
                    continue;
                }
                // How long the new rules can still use it: an event they cannot match, or whose time with
                // them is already up (a window of theirs would not take it), is not carried.
                long hold = held.duration(admission.hold(e, session));
                if (hold > 0 && e.time() + hold > now) {
                    held.add(session.insert(e), e.time(), hold, now);
                }
            } catch (RuntimeException ex) {
                judge.failed(ex, "carrying event " + e.id() + " over to the reloaded rules");
            }
        }
        try {
            budget.fire(session);
        } catch (RuntimeException ex) {
            judge.failed(ex, "firing the reloaded watch rules over the carried events");
        }
        findings.drain();
        if (held != null) {
            held.fired();
            heldCount = held.size();
        }
    }

    private void insert(Event e) {
        long t = e.time();
        long now = clock.getCurrentTime();
        if (t > now) {
            if (t - lastFired > MAX_STEP_MS) {
                fire();
            }
            moveClock(t);
        }
        try {
            for (String name : e.agents()) {
                if (!agents.containsKey(name)) {
                    KnownAgent a = new KnownAgent(name, t);
                    agents.put(name, a);
                    session.insert(a);
                }
            }
            if (e instanceof MessageEvent m) {
                if (readsContacts) {
                    contacts.record(m.sender(), m.receiver(), t);
                }
                if (readsClaims) {
                    claims.record(m);
                }
            }
            if (held != null) {
                long hold = admission.hold(e, session);
                if (hold == Admission.NONE && admit) {
                    passedBy.incrementAndGet();
                } else {
                    held.add(session.insert(e), t, held.duration(hold), clock.getCurrentTime());
                }
            } else if (admission == null || admission.admits(e, session)) {
                session.insert(e);
            } else {
                passedBy.incrementAndGet();
            }
        } catch (RuntimeException ex) {
            judge.failed(ex, "inserting event " + e.id());
        }
    }

    private void moveClock(long to) {
        long now = clock.getCurrentTime();
        if (to > now) {
            try {
                clock.advanceTime(to - now, TimeUnit.MILLISECONDS);
            } catch (RuntimeException ex) {
                judge.failed(ex, "advancing the clock");
            }
            if (held != null) {
                held.due(to);
            }
        }
    }

    private void fire() {
        lastFired = clock.getCurrentTime();
        try {
            budget.fire(session);
        } catch (RuntimeException ex) {
            judge.failed(ex, "firing the watch rules");
        }
        if (held != null) {
            held.fired();
        }
        List<Finding> found = findings.drain();
        if (!found.isEmpty()) {
            try {
                judge.found(found, book);
            } catch (RuntimeException ex) {
                LOG.error("sentencing watch findings failed", ex);
            }
        }
    }

    void addObserver(EventObserver o) {
        observers.add(o);
    }

    private void tell(Observed o) {
        for (EventObserver observer : observers) {
            try {
                observer.observed(o.event(), o.insert());
            } catch (RuntimeException ex) {
                if (!failedObservers.contains(observer)) {
                    failedObservers.add(observer);
                    LOG.warn("event observer {} failed (further failures of it are not logged): {}", observer, ex.toString());
                }
            }
        }
    }

    private void trace(Event e) {
        if (trace != null) {
            trace.hold(e);
        }
    }

    /** Writes the held events older than the hold (or all), in time order. */
    private void writeTrace(boolean all) {
        if (trace == null) {
            return;
        }
        try {
            trace.writeDue(all);
        } catch (IOException ex) {
            traceFailed(ex);
        }
    }

    private void traceFailed(IOException ex) {
        judge.failed(new IllegalStateException("cannot write the trace: " + ex.getMessage(), ex), "tracing");
    }

    private void flushTrace() {
        flushTrace(false);
    }

    private void flushTrace(boolean all) {
        if (trace != null) {
            try {
                trace.flush(all);
            } catch (IOException ex) {
                traceFailed(ex);
            }
        }
    }

    /**
     * Before an alert is recorded, makes the events it cites durable in the trace (see {@link TraceFile#keep}).
     * Called in the thread that raises the alert: the watch's own (its findings cite events it has taken) or an
     * agent's (a gate's violation or a withheld event, which the watch has not taken yet).
     */
    void keepCited(Alert alert) {
        if (trace == null) {
            return;
        }
        List<Event> cited = alert instanceof Alert.ViolationAlert v ? v.evidence()
                : alert instanceof Alert.WithheldAlert w ? List.of(w.event()) : List.of();
        if (cited.isEmpty()) {
            return;
        }
        try {
            trace.keep(cited, Thread.currentThread() == thread);
        } catch (IOException ex) {
            traceFailed(ex);
        }
    }

    /** Judges what is queued, stops the thread and closes the session and the trace. */
    void close() {
        if (stopped) {
            return;
        }
        put(new Stop());
        stopped = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("the watch did not finish its queue within 30 s; {} items left", queue.size());
            thread.interrupt();
        }
        session.dispose();
        if (trace != null) {
            try {
                trace.close();
            } catch (IOException e) {
                LOG.error("cannot close the trace: {}", e.toString());
            }
        }
    }

    /**
     * The events the watch holds in one session, and when it lets each go: in first-in first-out lines, one
     * per hold duration (the loaded rules have a few: their windows' lengths and the retention), so letting go
     * costs no timer and no ordered queue per event, and a line's head is always the first due. An event that
     * arrives late (older than the line's last) waits in its line's small ordered queue of stragglers instead.
     * An event held only until the rules have fired goes after the next firing. Each goes by the engine's own
     * expiry ({@link WorkingMemoryReteExpireAction}), as an engine timer would expire it: it takes part in no
     * new match, matches already made still fire, and it leaves the session after that firing.
     */
    static final class Held {

        private record Straggler(long due, FactHandle handle) {
        }

        private static final class Line {
            final long hold;
            final ArrayDeque<FactHandle> inOrder = new ArrayDeque<>();
            final PriorityQueue<Straggler> late = new PriorityQueue<>(Comparator.comparingLong(Straggler::due));
            long lastTime = Long.MIN_VALUE;

            Line(long hold) {
                this.hold = hold;
            }

            /** When the first event of this line is due, or {@code Long.MAX_VALUE} when it holds none. */
            long firstDue() {
                long due = Long.MAX_VALUE;
                FactHandle h = inOrder.peekFirst();
                if (h != null) {
                    due = timeOf(h) + hold;
                }
                Straggler s = late.peek();
                return s == null ? due : Math.min(due, s.due());
            }

            int size() {
                return inOrder.size() + late.size();
            }
        }

        private final ReteEvaluator session;
        private final long retentionMs;
        /** One line per distinct hold duration: the loaded rules' window lengths and the retention, a handful. */
        private final List<Line> lines = new ArrayList<>();
        private final List<FactHandle> untilFired = new ArrayList<>();
        private long firstDue = Long.MAX_VALUE;

        Held(KieSession session, long retentionMs) {
            this.session = (ReteEvaluator) session;
            this.retentionMs = retentionMs;
        }

        /**
         * The hold in milliseconds for what {@link Admission#hold} says (an event no rule can match: 0). The
         * retention's is a millisecond longer, as the engine's {@code @expires} is: an event goes once the clock
         * is past its time plus the retention.
         */
        long duration(long hold) {
            return hold == Admission.RETAIN ? retentionMs + 1 : Math.max(hold, 0);
        }

        /**
         * Holds the event inserted as {@code handle}, stamped {@code time}, for {@code hold} milliseconds from
         * that time; one already due at {@code now} (a late event) goes at once, as an engine timer would let it.
         */
        void add(FactHandle handle, long time, long hold, long now) {
            if (hold <= 0) {
                untilFired.add(handle);
                return;
            }
            long due = time + hold;
            if (due <= now) {
                expire(handle);
                return;
            }
            Line line = line(hold);
            if (time >= line.lastTime) {
                line.inOrder.addLast(handle);
                line.lastTime = time;
            } else {
                line.late.add(new Straggler(due, handle));
            }
            firstDue = Math.min(firstDue, due);
        }

        private Line line(long hold) {
            for (Line l : lines) {
                if (l.hold == hold) {
                    return l;
                }
            }
            Line l = new Line(hold);
            lines.add(l);
            return l;
        }

        /** Lets go of every event due at {@code now} (the clock has just moved there). */
        void due(long now) {
            if (now < firstDue) {
                return;
            }
            long next = Long.MAX_VALUE;
            for (Line l : lines) {
                while (!l.inOrder.isEmpty() && timeOf(l.inOrder.peekFirst()) + l.hold <= now) {
                    expire(l.inOrder.pollFirst());
                }
                while (!l.late.isEmpty() && l.late.peek().due() <= now) {
                    expire(l.late.poll().handle());
                }
                next = Math.min(next, l.firstDue());
            }
            firstDue = next;
        }

        /** Lets go of the events held until the rules have fired; call it after each firing. */
        void fired() {
            if (untilFired.isEmpty()) {
                return;
            }
            for (FactHandle h : untilFired) {
                expire(h);
            }
            untilFired.clear();
        }

        private void expire(FactHandle handle) {
            DefaultEventHandle h = (DefaultEventHandle) handle;
            if (h.isValid() && !h.isExpired()) {
                session.addPropagation(new WorkingMemoryReteExpireAction(h));
            }
        }

        private static long timeOf(FactHandle h) {
            return ((Event) ((InternalFactHandle) h).getObject()).time();
        }

        /** How many events are held. */
        long size() {
            long n = untilFired.size();
            for (Line l : lines) {
                n += l.size();
            }
            return n;
        }
    }
}
