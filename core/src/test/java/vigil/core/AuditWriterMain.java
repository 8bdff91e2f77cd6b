package vigil.core;

import java.nio.file.Path;
import vigil.core.Alert.SystemAlert;

/**
 * Writes audit records until it is killed, printing {@code written N} once record N is in the file, so a test
 * that kills this JVM knows which records must have survived.
 */
public final class AuditWriterMain {

    private AuditWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        AuditLog log = new AuditLog(Path.of(args[0]), null, false);
        for (long i = 1; ; i++) {
            log.accept(new SystemAlert(SystemAlert.Kind.RELEASED, "record " + i + " " + "x".repeat((int) (i % 300)), i));
            System.out.println("written " + i);
            System.out.flush();
        }
    }
}
