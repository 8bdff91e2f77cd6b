package vigil.cli;

/** A command was called wrongly (unknown option, missing argument, bad value): the message says how, in the option's terms. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
