package vigil.cli.report;

import java.util.ArrayList;
import java.util.List;

/** Round tick values for an axis: steps of 1, 2 or 5 times a power of ten, about {@code n} of them. */
final class Ticks {

    private Ticks() {
    }

    static double step(double min, double max, int n) {
        double span = max - min;
        if (!(span > 0)) {
            return 1;
        }
        double raw = span / Math.max(1, n);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    /** The ticks within [min, max]. */
    static List<Double> of(double min, double max, int n) {
        double step = step(min, max, n);
        List<Double> out = new ArrayList<>();
        double start = Math.ceil(min / step - 1e-9) * step;
        for (int i = 0; i < 1000; i++) {
            double t = start + i * step;
            if (t > max + step * 1e-9) {
                break;
            }
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    /** How many decimals a tick label needs for this step. */
    static int decimals(double step) {
        return step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
    }
}
