package vigil.core;

/**
 * The event trace a monitor records (key {@code trace}: every observed event, withheld ones included, in
 * the order the watch judged them): one event per line in Vigil's JSON form, with a schema version, so a
 * trace can be replayed ({@code vigil audit}) or read by other tools. {@link #write} and {@link #read} are
 * each other's inverse. Stateless and thread-safe; both run in the caller's thread.
 */
public final class Trace {

    /** The schema version written in every line ({@code "v"}); a reader refuses lines of a later version. */
    public static final int SCHEMA_VERSION = EventJson.SCHEMA_VERSION;

    private Trace() {
    }

    /** The event as one line of JSON, without a line break (newlines inside strings are escaped). */
    public static String write(Event event) {
        return EventJson.write(event);
    }

    /** Reads one line; an {@link EventFormatException} says what is wrong with it in the user's terms. */
    public static Event read(String line) {
        return EventJson.read(line);
    }
}
