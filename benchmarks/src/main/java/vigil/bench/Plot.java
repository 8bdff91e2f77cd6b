package vigil.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The growth figure drawn as an SVG image (docs/performance.md shows it): two panels, the watch's CPU per
 * event and the MAS ratio, each against the number of agents on a logarithmic axis, one line per rule set.
 */
final class Plot {

    private static final int PANEL_W = 340;
    private static final int PANEL_H = 240;
    private static final int LEFT = 56;
    private static final int TOP = 34;
    private static final int BOTTOM = 44;
    private static final int RIGHT = 16;
    private static final String[] DASH = {"", "6 4", "2 3"};

    private Plot() {
    }

    /** {@code byRules}: for each copy count of the packs (1, 4), a value per entry of {@code agents}. */
    static String growth(int[] agents, Map<Integer, double[]> watchUs, Map<Integer, double[]> masRatio) {
        StringBuilder sb = new StringBuilder();
        int w = 2 * PANEL_W;
        int h = PANEL_H + 28;
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                w, h, w, h));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        panel(sb, 0, "Watch CPU per event (us)", agents, watchUs, false);
        panel(sb, PANEL_W, "MAS wall-time ratio, monitored / not", agents, masRatio, true);
        int x = LEFT;
        int y = PANEL_H + 18;
        int i = 0;
        for (Integer copies : watchUs.keySet()) {
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"2\" stroke-dasharray=\"%s\"/>%n",
                    x, y - 4, x + 28, y - 4, DASH[i % DASH.length]));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 34, y,
                    copies == 1 ? "the default packs" : "the packs x" + copies));
            x += 170;
            i++;
        }
        return sb.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder sb, int x0, String title, int[] agents, Map<Integer, double[]> series, boolean fromOne) {
        double max = 0;
        for (double[] v : series.values()) {
            for (double d : v) {
                max = Math.max(max, d);
            }
        }
        double lo = fromOne ? 1.0 : 0.0;
        double hi = niceAbove(Math.max(max * 1.1, lo + 0.5));
        int plotW = PANEL_W - LEFT - RIGHT;
        int plotH = PANEL_H - TOP - BOTTOM;
        int px = x0 + LEFT;
        int py = TOP;
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-weight=\"bold\">%s</text>%n", x0 + LEFT, title));
        sb.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", px, py, plotW, plotH));
        double step = (hi - lo) / 4;
        int decimals = step == Math.rint(step) ? 0 : step * 10 == Math.rint(step * 10) ? 1 : 2;
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4;
            int y = py + plotH - (int) Math.round(plotH * k / 4.0);
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    px, y, px + plotW, y, px - 6, y + 4, Table.f(v, decimals)));
        }
        double minA = Math.log10(agents[0]);
        double maxA = Math.log10(agents[agents.length - 1]);
        for (int a : agents) {
            int x = xOf(a, minA, maxA, px, plotW);
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, py + plotH + 16, Runs.f0(a)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">agents (log scale)</text>%n",
                px + plotW / 2, py + plotH + 32));
        int i = 0;
        for (double[] v : series.values()) {
            StringBuilder points = new StringBuilder();
            for (int k = 0; k < agents.length; k++) {
                int x = xOf(agents[k], minA, maxA, px, plotW);
                int y = py + plotH - (int) Math.round(plotH * (v[k] - lo) / (hi - lo));
                points.append(x).append(',').append(y).append(' ');
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\"/>%n", x, y));
            }
            sb.append(String.format(Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"black\" stroke-width=\"2\" stroke-dasharray=\"%s\"/>%n",
                    points.toString().trim(), DASH[i % DASH.length]));
            i++;
        }
    }

    private static int xOf(int agents, double minA, double maxA, int px, int plotW) {
        double f = maxA == minA ? 0.5 : (Math.log10(agents) - minA) / (maxA - minA);
        return px + (int) Math.round(plotW * (0.05 + 0.9 * f));
    }

    /** A round number at or above {@code v}: 1, 2 or 5 times a power of ten. */
    private static double niceAbove(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
