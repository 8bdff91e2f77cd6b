package vigil.core;

/** A configuration problem, said in the user's terms: the file and line, or the key, and what is expected. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
