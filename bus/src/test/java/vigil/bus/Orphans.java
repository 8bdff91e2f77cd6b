package vigil.bus;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs a main class in a child JVM and halts that JVM when the test JVM that started it is gone (killed
 * before it could kill its children), so no test leaves a stray process behind.
 * Arguments: the parent's pid, the main class, its arguments.
 */
public final class Orphans {

    private Orphans() {
    }

    public static void main(String[] args) throws Throwable {
        long parent = Long.parseLong(args[0]);
        Thread guard = new Thread(() -> {
            while (true) {
                if (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    Runtime.getRuntime().halt(3);
                }
            }
        }, "orphan-guard");
        guard.setDaemon(true);
        guard.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
