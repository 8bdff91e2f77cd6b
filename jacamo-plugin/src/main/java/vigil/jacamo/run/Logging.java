package vigil.jacamo.run;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The command line's logging: Jason's java.util.logging goes to SLF4J, and SLF4J's simple logger prints one
 * short line per record on standard output ({@code [INFO] alice - hello} for an agent's {@code .print}), agents'
 * text escaped ({@link SafeBridge}).
 * Settings given with {@code -D} win.
 */
public final class Logging {

    private Logging() {
    }

    public static void setUp() {
        setDefault("org.slf4j.simpleLogger.logFile", "System.out");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
        setDefault("org.slf4j.simpleLogger.log.org.drools", "warn");
        setDefault("org.slf4j.simpleLogger.log.org.kie", "warn");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        // Agents' text is escaped on the way (SafeBridge), so an agent's line cannot pass for one of Vigil's.
        java.util.logging.LogManager.getLogManager().getLogger("").addHandler(new SafeBridge());
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
