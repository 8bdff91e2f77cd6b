package vigil.core;

import java.util.Objects;

/**
 * An agent the watch has seen in an event that took effect (as sender, receiver, actor or subject of a
 * report), since the time of that first event. The watch inserts one per agent, before the event, and keeps
 * it across rule reloads; watch rules hang per-agent windows on it
 * ({@code KnownAgent($x : name)} then {@code ... over window:time(1m)}) instead of deriving a helper fact
 * from every event. Not a Drools event: it does not expire.
 * An immutable value, safe to share between threads.
 */
public record KnownAgent(String name, long since) {

    public KnownAgent {
        Objects.requireNonNull(name, "name");
    }
}
