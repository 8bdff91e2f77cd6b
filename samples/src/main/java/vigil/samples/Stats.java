package vigil.samples;

import java.util.List;
import java.util.Locale;

/** A mean over seeds with its 95% confidence interval (Student's t), and how the benchmark writes it. */
record Stats(int n, double mean, double halfWidth) {

    private static final double[] T975 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042};

    /** The mean of the defined values (nulls, e.g. a precision with nothing detected, are left out). */
    static Stats of(List<Double> xs) {
        double[] v = xs.stream().filter(x -> x != null && !x.isNaN()).mapToDouble(Double::doubleValue).toArray();
        int n = v.length;
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        if (n == 1) {
            return new Stats(1, mean, Double.NaN);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = n - 1 < T975.length ? T975[n - 1] : 1.96;
        return new Stats(n, mean, t * sd / Math.sqrt(n));
    }

    /** {@code 0.93 ± 0.02}, or {@code n/a}; {@code digits} after the point. */
    String text(int digits) {
        if (n == 0) {
            return "n/a";
        }
        String f = "%." + digits + "f";
        String m = String.format(Locale.ROOT, f, mean);
        return Double.isNaN(halfWidth) ? m : m + " ± " + String.format(Locale.ROOT, f, halfWidth);
    }
}
