package vigil.jacamo.run;

/** A Jason project that cannot run; the message says why in the user's terms ({@code file:line: problem}). */
public class ProjectException extends RuntimeException {

    public ProjectException(String message) {
        super(message);
    }
}
