package vigil.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules that do not compile; the message lists every error, one {@code file:line: message} per line.
 * Thrown in the thread that compiles: the one calling {@code start()}, {@code check()} or {@code reload()}.
 */
public class RuleCompilationException extends RuntimeException {

    private final transient List<RuleError> errors;

    public RuleCompilationException(List<RuleError> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the rules:" + System.lineSeparator()
                + errors.stream().map(RuleError::toString).collect(Collectors.joining(System.lineSeparator())));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
