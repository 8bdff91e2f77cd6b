package vigil.cli.report;

import static vigil.cli.report.Markup.esc;
import static vigil.cli.report.Markup.xy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import vigil.core.Severity;
import vigil.core.Violation;
import vigil.cli.report.RunFolder.Audited;
import vigil.cli.report.RunContext.LabelledCase;

/**
 * The violations over time as an SVG: one lane per value, a mark per violation whose size and colour say its
 * severity, and, when the scenario labels its misbehaviour, a lane of the labelled cases (filled when the
 * monitor detected them, hollow when it missed them). Time runs from the run's first event. Past
 * {@link #MAX_MARKS} violations each lane shows bars counting the violations per slice of time instead.
 */
final class Timeline {

    static final int MAX_MARKS = 5000;
    /** The width of a slice of time, in drawing units, when violations are counted rather than drawn. */
    private static final int BIN = 4;
    static final String TRUTH_LANE = "ground truth";

    private static final int WIDTH = 960;
    private static final int LEFT = 170;
    private static final int RIGHT = 24;
    private static final int TOP = 12;
    private static final int LANE = 34;

    private Timeline() {
    }

    static String color(Severity s) {
        return switch (s) {
            case LOW -> "#e0b400";
            case MEDIUM -> "#ee7d1c";
            case HIGH -> "#d42a3c";
            case CRITICAL -> "#6d0f2a";
        };
    }

    static double radius(Severity s) {
        return 3.5 + s.ordinal() * 1.5;
    }

    static String svg(RunFolder run, long t0, long t1) {
        Set<String> values = new TreeSet<>();
        run.violations().forEach(a -> values.add(a.violation().value()));
        if (run.context() != null) {
            run.context().scores().forEach(s -> {
                if (s.value() != null) {
                    values.add(s.value());
                }
            });
        }
        List<LabelledCase> truth = new ArrayList<>();
        if (run.context() != null) {
            run.context().truth().forEach(t -> {
                if (t.time() != null) {
                    truth.add(t);
                }
            });
        }
        List<String> lanes = new ArrayList<>();
        if (!truth.isEmpty()) {
            lanes.add(TRUTH_LANE);
        }
        lanes.addAll(values);
        int plot = WIDTH - LEFT - RIGHT;
        boolean binned = run.violations().size() > MAX_MARKS;
        int height = TOP + Math.max(1, lanes.size()) * LANE + 64 + (binned ? 22 : 0);
        double span = Math.max(1, t1 - t0);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart timeline\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"violations over time, one lane per value\">");
        double axisY = TOP + Math.max(1, lanes.size()) * LANE;
        // lanes
        for (int i = 0; i < lanes.size(); i++) {
            double y = TOP + i * LANE;
            sb.append("<g class=\"lane\" data-lane=\"").append(esc(lanes.get(i))).append("\">");
            sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(xy(y)).append("\" width=\"").append(plot)
                    .append("\" height=\"").append(LANE).append("\" fill=\"").append(i % 2 == 0 ? "#f5f6f8" : "#ffffff")
                    .append("\"/>");
            sb.append("<text class=\"lane-label\" x=\"").append(LEFT - 10).append("\" y=\"").append(xy(y + LANE / 2.0 + 4))
                    .append("\" text-anchor=\"end\"").append(lanes.get(i).equals(TRUTH_LANE) && !truth.isEmpty()
                            ? " font-style=\"italic\"" : "").append('>').append(esc(lanes.get(i))).append("</text>");
            sb.append("</g>");
        }
        // time axis
        double spanS = span / 1000.0;
        List<Double> ticks = Ticks.of(0, spanS, 8);
        int dec = Ticks.decimals(Ticks.step(0, spanS, 8));
        sb.append("<g class=\"axis\">");
        sb.append(line(LEFT, axisY, LEFT + plot, axisY, "#555"));
        for (double s : ticks) {
            double x = LEFT + s * 1000 / span * plot;
            sb.append(line(x, TOP, x, axisY, "#e1e4e8"));
            sb.append(line(x, axisY, x, axisY + 5, "#555"));
            sb.append("<text x=\"").append(xy(x)).append("\" y=\"").append(xy(axisY + 18))
                    .append("\" text-anchor=\"middle\">").append(Markup.num(s, dec)).append("</text>");
        }
        sb.append("<text x=\"").append(LEFT + plot).append("\" y=\"").append(xy(axisY + 34))
                .append("\" text-anchor=\"end\" class=\"axis-title\">seconds since the first event</text>");
        sb.append("</g>");
        // labelled misbehaviour
        if (!truth.isEmpty()) {
            sb.append("<g class=\"truth-marks\">");
            double cy = TOP + LANE / 2.0;
            for (LabelledCase t : truth) {
                double x = LEFT + (t.time() - t0) / span * plot;
                boolean detected = Boolean.TRUE.equals(t.detected());
                sb.append("<path class=\"truth ").append(detected ? "detected" : "missed").append("\" d=\"M")
                        .append(xy(x - 5)).append(' ').append(xy(cy - 6)).append(" L").append(xy(x + 5)).append(' ')
                        .append(xy(cy - 6)).append(" L").append(xy(x)).append(' ').append(xy(cy + 5)).append(" Z\" fill=\"")
                        .append(detected ? "#3d4b5c" : "#ffffff").append("\" stroke=\"").append(detected ? "#3d4b5c" : "#d42a3c")
                        .append("\" stroke-width=\"1.5\"><title>").append(esc(truthTitle(t, t0))).append("</title></path>");
            }
            sb.append("</g>");
        }
        // violations: a mark each, or, when there are too many to draw one by one, a bar per slice of time
        if (!binned) {
            marks(sb, run.violations(), lanes, t0, span, plot);
        } else {
            bins(sb, run.violations(), lanes, t0, span, plot);
            sb.append("<text class=\"capped\" x=\"").append(LEFT).append("\" y=\"").append(xy(axisY + 74))
                    .append("\">").append(run.violations().size()).append(" violations, too many to draw one by one:"
                            + " each bar counts those in a slice of time, coloured by the most serious</text>");
        }
        if (lanes.isEmpty()) {
            sb.append("<text x=\"").append(LEFT + plot / 2).append("\" y=\"").append(TOP + LANE / 2 + 4)
                    .append("\" text-anchor=\"middle\" class=\"empty\">no violations recorded</text>");
        }
        // legend
        double ly = axisY + 52;
        double lx = LEFT;
        sb.append("<g class=\"legend\">");
        for (Severity s : Severity.values()) {
            sb.append("<circle cx=\"").append(xy(lx + 6)).append("\" cy=\"").append(xy(ly - 4)).append("\" r=\"")
                    .append(xy(radius(s))).append("\" fill=\"").append(color(s)).append("\"/>");
            sb.append("<text x=\"").append(xy(lx + 18)).append("\" y=\"").append(xy(ly)).append("\">")
                    .append(s.name().toLowerCase(Locale.ROOT)).append("</text>");
            lx += 96;
        }
        if (!truth.isEmpty()) {
            sb.append("<path d=\"M").append(xy(lx + 1)).append(' ').append(xy(ly - 10)).append(" L").append(xy(lx + 11))
                    .append(' ').append(xy(ly - 10)).append(" L").append(xy(lx + 6)).append(' ').append(xy(ly - 1))
                    .append(" Z\" fill=\"#3d4b5c\"/><text x=\"").append(xy(lx + 16)).append("\" y=\"").append(xy(ly))
                    .append("\">labelled, detected</text>");
            lx += 140;
            sb.append("<path d=\"M").append(xy(lx + 1)).append(' ').append(xy(ly - 10)).append(" L").append(xy(lx + 11))
                    .append(' ').append(xy(ly - 10)).append(" L").append(xy(lx + 6)).append(' ').append(xy(ly - 1))
                    .append(" Z\" fill=\"#ffffff\" stroke=\"#d42a3c\" stroke-width=\"1.5\"/><text x=\"").append(xy(lx + 16))
                    .append("\" y=\"").append(xy(ly)).append("\">labelled, missed</text>");
        }
        sb.append("</g>");
        sb.append("</svg>");
        return sb.toString();
    }

    private static void marks(StringBuilder sb, List<Audited> violations, List<String> lanes, long t0, double span,
            int plot) {
        sb.append("<g class=\"marks\">");
        List<List<double[]>> placed = new ArrayList<>();
        lanes.forEach(l -> placed.add(new ArrayList<>()));
        for (Audited a : violations) {
            Violation v = a.violation();
            int lane = lanes.indexOf(v.value());
            double x = LEFT + (v.time() - t0) / span * plot;
            double cy = nudge(placed.get(lane), x, TOP + lane * LANE + LANE / 2.0, radius(v.severity()));
            sb.append("<circle class=\"mark sev-").append(v.severity().name().toLowerCase(Locale.ROOT))
                    .append("\" cx=\"").append(xy(x)).append("\" cy=\"").append(xy(cy)).append("\" r=\"")
                    .append(xy(radius(v.severity()))).append("\" fill=\"").append(color(v.severity()))
                    .append("\" fill-opacity=\"0.8\" stroke=\"#ffffff\" stroke-width=\"0.8\"><title>")
                    .append(esc(Markup.seconds(v.time() - t0) + "  " + v.rule() + " [" + v.severity().name()
                            .toLowerCase(Locale.ROOT) + "] by " + String.join(", ", v.agents())))
                    .append("</title></circle>");
        }
        sb.append("</g>");
    }

    /** A bar per lane and slice of time: its height is the number of violations, its colour the most serious. */
    private static void bins(StringBuilder sb, List<Audited> violations, List<String> lanes, long t0, double span,
            int plot) {
        int slices = plot / BIN;
        int[][] counts = new int[lanes.size()][slices];
        int[][] worst = new int[lanes.size()][slices];
        int max = 1;
        for (Audited a : violations) {
            Violation v = a.violation();
            int lane = lanes.indexOf(v.value());
            int slice = (int) Math.min(slices - 1, Math.max(0, (v.time() - t0) / span * slices));
            max = Math.max(max, ++counts[lane][slice]);
            worst[lane][slice] = Math.max(worst[lane][slice], v.severity().ordinal());
        }
        double sliceMs = span / slices;
        sb.append("<g class=\"bins\">");
        for (int lane = 0; lane < lanes.size(); lane++) {
            for (int i = 0; i < slices; i++) {
                int n = counts[lane][i];
                if (n == 0) {
                    continue;
                }
                Severity sev = Severity.values()[worst[lane][i]];
                double h = Math.max(2, (LANE - 6) * (double) n / max);
                double y = TOP + lane * LANE + (LANE - h) / 2;
                sb.append("<rect class=\"bin sev-").append(sev.name().toLowerCase(Locale.ROOT)).append("\" data-count=\"")
                        .append(n).append("\" x=\"").append(xy(LEFT + i * BIN + 0.5)).append("\" y=\"").append(xy(y))
                        .append("\" width=\"").append(BIN - 1).append("\" height=\"").append(xy(h)).append("\" fill=\"")
                        .append(color(sev)).append("\"><title>").append(esc(n + (n == 1 ? " violation" : " violations")
                                + " between " + Markup.seconds(Math.round(i * sliceMs)) + " and "
                                + Markup.seconds(Math.round((i + 1) * sliceMs)) + ", the most serious "
                                + sev.name().toLowerCase(Locale.ROOT))).append("</title></rect>");
            }
        }
        sb.append("</g>");
    }

    /**
     * Moves a mark up or down within its lane when it would cover one already drawn (violations at the same
     * moment), so that each stays visible; it stays centred when the lane is full there.
     */
    private static double nudge(List<double[]> placed, double x, double cy, double r) {
        double room = LANE / 2.0 - r - 1;
        for (double dy : new double[] {0, -5, 5, -10, 10}) {
            if (Math.abs(dy) > room) {
                continue;
            }
            boolean free = true;
            // Marks come in time order, so only the last few can be close enough to touch.
            for (int i = placed.size() - 1; i >= 0 && placed.get(i)[0] > x - 2 * radius(Severity.CRITICAL); i--) {
                double[] p = placed.get(i);
                if (Math.hypot(p[0] - x, p[1] - (cy + dy)) < p[2] + r - 1.5) {
                    free = false;
                    break;
                }
            }
            if (free) {
                placed.add(new double[] {x, cy + dy, r});
                return cy + dy;
            }
        }
        placed.add(new double[] {x, cy, r});
        return cy;
    }

    private static String truthTitle(LabelledCase t, long t0) {
        StringBuilder sb = new StringBuilder();
        sb.append(Markup.seconds(t.time() - t0)).append("  ").append(t.agent() == null ? "?" : t.agent()).append(": ")
                .append(t.behaviour() == null ? "misbehaviour" : t.behaviour());
        if (t.round() != null) {
            sb.append(" (round ").append(t.round()).append(')');
        }
        if (Boolean.TRUE.equals(t.detected())) {
            sb.append(", detected");
            if (t.rule() != null) {
                sb.append(" by ").append(t.rule());
            }
            if (t.latencyMs() != null) {
                sb.append(" after ").append(Markup.num(t.latencyMs(), 1)).append(" ms");
            }
        } else {
            sb.append(", missed");
        }
        return sb.toString();
    }

    static String line(double x1, double y1, double x2, double y2, String stroke) {
        return "<line x1=\"" + xy(x1) + "\" y1=\"" + xy(y1) + "\" x2=\"" + xy(x2) + "\" y2=\"" + xy(y2) + "\" stroke=\""
                + stroke + "\"/>";
    }
}
