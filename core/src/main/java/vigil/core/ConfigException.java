package vigil.core;

/**
 * A configuration problem, said in the user's terms: the file and line, or the key, and what is expected.
 * Thrown in the thread that builds or loads the configuration.
 */
public class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }
}
