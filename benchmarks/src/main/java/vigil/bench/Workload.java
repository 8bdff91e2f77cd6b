package vigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vigil.core.ActionEvent;
import vigil.core.Event;
import vigil.core.MessageEvent;
import vigil.core.Term;

/**
 * A deterministic stream of events shaped like a busy market of 50 agents, touching every default pack's
 * vocabulary: plain tells and requests (70 %), calls for offers (5 %), opinions (7 %), moves (16.4 %), and
 * a few harvest, contribute and price actions. Lawful at 1 ms spacing (the default), as a real system
 * mostly is: a rule that fires on every event measures the sinks, not the rules. Events get their time when they are taken, so a stream can be
 * replayed at any simulated rate.
 */
final class Workload {

    static final int AGENTS = 50;
    private static final String[] TOPICS = {"dam", "road", "park", "tax"};
    private static final String[] STANCES = {"for", "against"};

    private final SplittableRandom random;
    private final String[] names;
    private long seq;

    Workload(long seed) {
        this(seed, AGENTS);
    }

    /** The same mix among {@code agents} agents. */
    Workload(long seed, int agents) {
        this.random = new SplittableRandom(seed);
        this.names = new String[agents];
        for (int i = 0; i < agents; i++) {
            names[i] = "a" + i;
        }
    }

    /** The next event, stamped {@code time} (milliseconds). */
    Event next(long time) {
        long n = ++seq;
        String id = "e" + n;
        int s = random.nextInt(names.length);
        int r = (s + 1 + random.nextInt(names.length - 1)) % names.length;
        String sender = names[s];
        String receiver = names[r];
        int kind = random.nextInt(1000);
        if (kind < 550) {
            // A fresh fact each time (its subject is unique), so no one contradicts itself.
            return MessageEvent.of(id, time, sender, receiver, "tell", Term.struct("quote", Term.atom("q" + n), Term.num(n % 97)));
        }
        if (kind < 700) {
            return MessageEvent.of(id, time, sender, receiver, "achieve", Term.struct("deliver", Term.atom("item" + (n % 13))));
        }
        if (kind < 750) {
            return MessageEvent.of(id, time, sender, receiver, "tell", Term.struct("call", Term.atom("meeting")));
        }
        if (kind < 820) {
            // Each agent keeps its stance on a topic: restatements, not reversals.
            String topic = TOPICS[s % TOPICS.length];
            return MessageEvent.of(id, time, sender, receiver, "tell",
                    Term.struct("opinion", Term.atom(topic), Term.atom(STANCES[s % 2])));
        }
        if (kind < 984) {
            return new ActionEvent(id, time, sender, Term.struct("move", Term.atom("cell" + (n % 31))));
        }
        // The commons at about 60 % of their sustainable rate, and prices at the competitive level.
        if (kind < 985) {
            return new ActionEvent(id, time, sender, Term.struct("harvest", Term.num(1)));
        }
        if (kind < 990) {
            return new ActionEvent(id, time, sender, Term.struct("contribute", Term.num(1)));
        }
        return new ActionEvent(id, time, sender, Term.struct("price", Term.atom("widget"), Term.num(10)));
    }

    /** {@code count} events {@code spacingMicros} apart from {@code start} (milliseconds). */
    List<Event> take(int count, long start, long spacingMicros) {
        List<Event> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next(start + (long) i * spacingMicros / 1000));
        }
        return out;
    }
}
