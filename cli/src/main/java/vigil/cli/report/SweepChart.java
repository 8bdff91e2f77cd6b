package vigil.cli.report;

import static vigil.cli.report.Markup.esc;
import static vigil.cli.report.Markup.xy;

import java.util.List;
import vigil.cli.report.RunContext.Sweep;
import vigil.cli.report.RunContext.SweepPoint;

/**
 * A rule's precision and recall across the values of one of its parameters, as a small SVG line chart (the
 * values evenly spaced, in the order swept), with the run's own value marked: a threshold chosen knowingly.
 */
final class SweepChart {

    private static final String PRECISION = "#2f6fbf";
    private static final String RECALL = "#e4572e";
    private static final int WIDTH = 460;
    private static final int HEIGHT = 230;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private SweepChart() {
    }

    static String svg(Sweep s) {
        List<SweepPoint> pts = s.points();
        int n = pts.size();
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart sweep\" data-param=\"").append(esc(s.param())).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" role=\"img\" aria-label=\"precision and recall of ")
                .append(esc(s.rule())).append(" across ").append(esc(s.param())).append("\">");
        sb.append("<g class=\"axis\">");
        for (int i = 0; i <= 4; i++) {
            double v = i / 4.0;
            double y = TOP + plotH - v * plotH;
            sb.append(Timeline.line(LEFT, y, LEFT + plotW, y, "#e1e4e8"));
            sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(xy(y + 4)).append("\" text-anchor=\"end\">")
                    .append(Markup.num(v, 2)).append("</text>");
        }
        for (int i = 0; i < n; i++) {
            double x = x(i, n, plotW);
            boolean current = pts.get(i).value().equals(s.current());
            sb.append("<text x=\"").append(xy(x)).append("\" y=\"").append(xy(TOP + plotH + 16)).append("\" text-anchor=\"middle\"")
                    .append(current ? " font-weight=\"bold\"" : "").append('>').append(esc(pts.get(i).value())).append("</text>");
            if (current) {
                sb.append("<line class=\"current\" x1=\"").append(xy(x)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(xy(x))
                        .append("\" y2=\"").append(TOP + plotH).append("\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>");
            }
        }
        sb.append(Timeline.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#555"));
        sb.append(Timeline.line(LEFT, TOP, LEFT, TOP + plotH, "#555"));
        sb.append("<text x=\"").append(LEFT + plotW).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"end\" class=\"axis-title\">").append(esc(s.param())).append("</text>");
        sb.append("</g>");
        line(sb, pts, true, plotW, plotH, PRECISION, "precision");
        line(sb, pts, false, plotW, plotH, RECALL, "recall");
        sb.append("<g class=\"legend\"><line x1=\"").append(LEFT).append("\" y1=\"12\" x2=\"").append(LEFT + 20)
                .append("\" y2=\"12\" stroke=\"").append(PRECISION).append("\" stroke-width=\"3\"/><text x=\"").append(LEFT + 26)
                .append("\" y=\"16\">precision</text><line x1=\"").append(LEFT + 110).append("\" y1=\"12\" x2=\"").append(LEFT + 130)
                .append("\" y2=\"12\" stroke=\"").append(RECALL).append("\" stroke-width=\"3\" stroke-dasharray=\"6 4\"/><text x=\"")
                .append(LEFT + 136).append("\" y=\"16\">recall</text></g>");
        sb.append("</svg>");
        return sb.toString();
    }

    private static double x(int i, int n, int plotW) {
        return LEFT + (n == 1 ? plotW / 2.0 : i * (double) plotW / (n - 1));
    }

    private static void line(StringBuilder sb, List<SweepPoint> pts, boolean precision, int plotW, int plotH, String color,
            String label) {
        sb.append("<g class=\"series\" data-label=\"").append(label).append("\">");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < pts.size(); i++) {
            Double v = precision ? pts.get(i).precision() : pts.get(i).recall();
            if (v == null) {
                continue; // undefined there (nothing detected, or nothing labelled): no point
            }
            double x = x(i, pts.size(), plotW);
            double y = TOP + plotH - v * plotH;
            path.append(path.length() == 0 ? "" : " ").append(xy(x)).append(',').append(xy(y));
            sb.append("<circle cx=\"").append(xy(x)).append("\" cy=\"").append(xy(y)).append("\" r=\"3\" fill=\"").append(color)
                    .append("\"><title>").append(esc(label + " at " + pts.get(i).value() + ": " + Markup.num(v, 2)))
                    .append("</title></circle>");
        }
        sb.append("<polyline points=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"2.5\"").append(precision ? "" : " stroke-dasharray=\"6 4\"").append("/>");
        sb.append("</g>");
    }
}
