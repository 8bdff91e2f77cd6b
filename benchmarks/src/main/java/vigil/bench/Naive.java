package vigil.bench;

import vigil.core.EngineProbe;
import vigil.core.Event;

/**
 * The default packs run the obvious way, to show what Vigil's design gains: every rule (gate and watch
 * alike) in one stream-mode session, each event inserted and {@code fireAllRules} called for it, in the
 * caller's thread; no split into a gate and a watch, no batching, and events never expire
 * ({@link EngineProbe#allInOneSession}). It counts what the rules find and does nothing more with it (no
 * sentencing, no alerts), which only flatters it.
 */
final class Naive implements AutoCloseable {

    private final EngineProbe session = EngineProbe.allInOneSession(Naive.class.getClassLoader());
    private long found;

    void judge(Event e) {
        found += session.judge(e).size();
    }

    long found() {
        return found;
    }

    long facts() {
        return session.facts();
    }

    @Override
    public void close() {
        session.close();
    }
}
