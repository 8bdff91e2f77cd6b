package vigil.core;

/**
 * A JSON line that is not a valid event; the message says what is wrong in the user's terms.
 * Thrown in the caller's thread by {@link Trace#read}.
 */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }
}
