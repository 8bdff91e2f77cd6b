package vigil.jacamo;

import jason.bb.BeliefBase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.locks.Lock;

/**
 * Runs code under a belief base's lock on every supported Jason: 3.2 returns a monitor object from
 * {@code getLock()}, 3.3 a {@link Lock}. The method is found reflectively so one build of Vigil runs on both.
 */
final class BeliefLock {

    private static final Method GET_LOCK;

    static {
        Method m;
        try {
            m = BeliefBase.class.getMethod("getLock");
        } catch (NoSuchMethodException e) {
            m = null;
        }
        GET_LOCK = m;
    }

    private BeliefLock() {
    }

    static void run(BeliefBase bb, Runnable task) {
        Object lock;
        try {
            lock = GET_LOCK == null ? null : GET_LOCK.invoke(bb);
        } catch (IllegalAccessException | InvocationTargetException e) {
            lock = null;
        }
        if (lock instanceof Lock l) {
            l.lock();
            try {
                task.run();
            } finally {
                l.unlock();
            }
        } else if (lock != null) {
            synchronized (lock) {
                task.run();
            }
        } else {
            task.run();
        }
    }
}
