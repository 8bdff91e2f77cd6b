package vigil.cli.report;

import static vigil.cli.report.Markup.esc;
import static vigil.cli.report.Markup.xy;

import java.util.List;
import vigil.cli.report.RunContext.Curve;
import vigil.cli.report.RunContext.Outcome;

/**
 * The scenario's outcome over the rounds as an SVG line chart, one line per run (sanctions on, sanctions
 * off), so that whether the sanctions changed what the group did can be seen at a glance.
 */
final class OutcomeChart {

    /** Line colours by series order: the first run (sanctions on) blue, the second orange, then others. */
    static final String[] COLORS = {"#2f6fbf", "#e4572e", "#3a9d5d", "#8e5ea2", "#7f7f7f"};
    private static final String[] DASHES = {"", "6 4", "2 3", "8 3 2 3", "1 2"};

    private static final int WIDTH = 960;
    private static final int HEIGHT = 340;
    private static final int LEFT = 76;
    private static final int RIGHT = 24;
    private static final int TOP = 40;
    private static final int BOTTOM = 48;

    private OutcomeChart() {
    }

    static boolean drawable(Outcome o) {
        return o != null && o.series().stream().anyMatch(s -> !s.points().isEmpty());
    }

    static String svg(Outcome o) {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = 0;
        double y1 = -Double.MAX_VALUE;
        for (Curve s : o.series()) {
            for (double[] p : s.points()) {
                x0 = Math.min(x0, p[0]);
                x1 = Math.max(x1, p[0]);
                y0 = Math.min(y0, p[1]);
                y1 = Math.max(y1, p[1]);
            }
        }
        if (x1 <= x0) {
            x1 = x0 + 1;
        }
        if (y1 <= y0) {
            y1 = y0 + 1;
        }
        double ystep = Ticks.step(y0, y1, 5);
        y1 = Math.ceil(y1 / ystep - 1e-9) * ystep;
        y0 = Math.floor(y0 / ystep + 1e-9) * ystep;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart outcome\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(esc(name(o))).append(" over the rounds\">");
        sb.append("<g class=\"axis\">");
        for (double t : Ticks.of(y0, y1, 5)) {
            double y = TOP + plotH - (t - y0) / (y1 - y0) * plotH;
            sb.append(Timeline.line(LEFT, y, LEFT + plotW, y, "#e1e4e8"));
            sb.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(xy(y + 4)).append("\" text-anchor=\"end\">")
                    .append(Markup.num(t, Ticks.decimals(ystep))).append("</text>");
        }
        double xstep = Math.max(1, Ticks.step(x0, x1, 10));
        for (double t : Ticks.of(x0, x1, 10)) {
            if (Math.abs(t / xstep - Math.rint(t / xstep)) > 1e-6) {
                continue;
            }
            double x = LEFT + (t - x0) / (x1 - x0) * plotW;
            sb.append(Timeline.line(x, TOP + plotH, x, TOP + plotH + 5, "#555"));
            sb.append("<text x=\"").append(xy(x)).append("\" y=\"").append(xy(TOP + plotH + 18))
                    .append("\" text-anchor=\"middle\">").append(Markup.num(t, Ticks.decimals(xstep))).append("</text>");
        }
        sb.append(Timeline.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#555"));
        sb.append(Timeline.line(LEFT, TOP, LEFT, TOP + plotH, "#555"));
        sb.append("<text x=\"").append(LEFT + plotW).append("\" y=\"").append(HEIGHT - 8)
                .append("\" text-anchor=\"end\" class=\"axis-title\">round</text>");
        sb.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(TOP - 14)
                .append("\" text-anchor=\"start\" class=\"axis-title\">").append(esc(name(o))).append("</text>");
        sb.append("</g>");
        List<Curve> series = o.series();
        for (int i = 0; i < series.size(); i++) {
            Curve s = series.get(i);
            String color = COLORS[i % COLORS.length];
            sb.append("<g class=\"series\" data-label=\"").append(esc(s.label())).append("\">");
            StringBuilder pts = new StringBuilder();
            for (double[] p : s.points()) {
                double x = LEFT + (p[0] - x0) / (x1 - x0) * plotW;
                double y = TOP + plotH - (p[1] - y0) / (y1 - y0) * plotH;
                pts.append(pts.length() == 0 ? "" : " ").append(xy(x)).append(',').append(xy(y));
            }
            sb.append("<polyline points=\"").append(pts).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\"");
            String dash = DASHES[i % DASHES.length];
            if (!dash.isEmpty()) {
                sb.append(" stroke-dasharray=\"").append(dash).append('"');
            }
            sb.append("/>");
            if (s.points().size() <= 60) {
                for (double[] p : s.points()) {
                    double x = LEFT + (p[0] - x0) / (x1 - x0) * plotW;
                    double y = TOP + plotH - (p[1] - y0) / (y1 - y0) * plotH;
                    sb.append("<circle cx=\"").append(xy(x)).append("\" cy=\"").append(xy(y)).append("\" r=\"3\" fill=\"")
                            .append(color).append("\"><title>").append(esc(s.label() + ", round " + Markup.num(p[0], 2)
                                    + ": " + Markup.num(p[1], 2) + unit(o))).append("</title></circle>");
                }
            }
            sb.append("</g>");
        }
        // legend, top right
        double lx = LEFT + plotW - 12;
        sb.append("<g class=\"legend\">");
        for (int i = series.size() - 1; i >= 0; i--) {
            String label = series.get(i).label() == null ? "run " + (i + 1) : series.get(i).label();
            String color = COLORS[i % COLORS.length];
            double w = 34 + label.length() * 7.2;
            lx -= w;
            sb.append("<line x1=\"").append(xy(lx)).append("\" y1=\"").append(TOP - 18).append("\" x2=\"").append(xy(lx + 24))
                    .append("\" y2=\"").append(TOP - 18).append("\" stroke=\"").append(color).append("\" stroke-width=\"3\"");
            String dash = DASHES[i % DASHES.length];
            if (!dash.isEmpty()) {
                sb.append(" stroke-dasharray=\"").append(dash).append('"');
            }
            sb.append("/><text class=\"series-label\" x=\"").append(xy(lx + 30)).append("\" y=\"").append(TOP - 14)
                    .append("\">").append(esc(label)).append("</text>");
        }
        sb.append("</g>");
        sb.append("</svg>");
        return sb.toString();
    }

    static String name(Outcome o) {
        String name = o.name() == null ? "outcome" : o.name();
        return o.unit() == null || o.unit().isBlank() ? name : name + " (" + o.unit() + ")";
    }

    private static String unit(Outcome o) {
        return o.unit() == null || o.unit().isBlank() ? "" : " " + o.unit();
    }
}
