package vigil.bench;

import vigil.core.Monitor;
import vigil.core.Vigil;
import vigil.core.Config;

/**
 * The monitors the benchmarks measure: every default pack from the classpath with the default settings,
 * except that no file is written (no audit log) and no alert is logged, so the figures are the rules'
 * and not the disk's or the console's.
 */
final class Monitors {

    private Monitors() {
    }

    static Config.Builder config() {
        return Config.builder().audit(null).logAlerts(false);
    }

    /** All default packs; the watch's clock follows the events' own times (a replay). */
    static Monitor replay() {
        return start(config().clock(Config.ClockMode.EVENTS));
    }

    static Monitor start(Config.Builder config) {
        return Vigil.builder().config(config.build()).serviceSinks(false).start();
    }
}
