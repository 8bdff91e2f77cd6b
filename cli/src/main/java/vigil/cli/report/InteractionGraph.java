package vigil.cli.report;

import static vigil.cli.report.Markup.esc;
import static vigil.cli.report.Markup.xy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vigil.cli.report.RunFolder.Audited;
import vigil.cli.report.RunFolder.Edge;

/**
 * Who talked to whom, as an SVG: the agents in a circle (in name order, so the same run draws the same
 * picture), an arrow per sender and receiver pair whose width grows with the number of messages, arrows that
 * carried a message cited as evidence of a violation in red, the scenario's misaligned agents drawn apart and
 * a badge with each agent's number of violations.
 */
final class InteractionGraph {

    static final String PLAIN = "#9aa5b4";
    static final String FLAGGED = "#d42a3c";

    private static final double NODE = 17;
    /** Above this many sender and receiver pairs the arrows are drawn thinner and fainter. */
    private static final int DENSE = 120;

    private InteractionGraph() {
    }

    /** The agents to draw: those the trace saw, the misaligned, and (without a trace) those violations name. */
    static Set<String> agents(RunFolder run) {
        Set<String> agents = new TreeSet<>(run.traffic().agents());
        if (run.context() != null) {
            agents.addAll(run.context().misaligned());
        }
        if (!run.traffic().present()) {
            run.violations().forEach(a -> agents.addAll(a.violation().agents()));
        }
        return agents;
    }

    static String svg(RunFolder run) {
        List<String> agents = new ArrayList<>(agents(run));
        Set<String> misaligned = run.context() == null ? Set.of() : new TreeSet<>(run.context().misaligned());
        Map<String, Integer> violations = new TreeMap<>();
        for (Audited a : run.violations()) {
            for (String agent : new TreeSet<>(a.violation().agents())) {
                violations.merge(agent, 1, Integer::sum);
            }
        }
        int n = agents.size();
        double size = Math.max(640, 160 + n * 26);
        double c = size / 2;
        double ring = c - 85;
        Map<String, double[]> at = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
            at.put(agents.get(i), new double[] {c + ring * Math.cos(a), c + ring * Math.sin(a), a});
        }
        // The drawing is cropped to the nodes and their labels: few agents leave no empty band below.
        double top = c - ring;
        double bottom = n == 0 ? c : c - ring;
        for (double[] p : at.values()) {
            bottom = Math.max(bottom, p[1]);
        }
        top -= NODE + 46;
        bottom += NODE + 46;
        double height = bottom - top + 36;
        StringBuilder sb = new StringBuilder();
        // Long names on the left and right need room beyond the circle.
        int longest = agents.stream().mapToInt(a -> clip(a).length()).max().orElse(0);
        double pad = Math.max(0, 7.5 * longest - 50);
        sb.append("<svg class=\"chart graph\" viewBox=\"").append(xy(-pad)).append(' ').append(xy(top)).append(' ')
                .append(xy(size + 2 * pad)).append(' ').append(xy(height))
                .append("\" width=\"100%\" style=\"max-width:").append(xy(size + 2 * pad)).append("px\" role=\"img\"")
                .append(" aria-label=\"the agents' interaction graph\">");
        sb.append("<defs>").append(marker("arrow", PLAIN)).append(marker("arrow-flagged", FLAGGED)).append("</defs>");
        if (n == 0) {
            sb.append("<text x=\"").append(xy(c)).append("\" y=\"").append(xy(c))
                    .append("\" text-anchor=\"middle\" class=\"empty\">no agents seen</text>");
        }
        Map<Edge, Long> edges = run.traffic().edges();
        long max = edges.values().stream().mapToLong(Long::longValue).max().orElse(1);
        Set<Edge> flagged = run.traffic().flagged();
        // plain edges first, so that the flagged ones are drawn over them
        for (boolean red : new boolean[] {false, true}) {
            sb.append("<g class=\"edges").append(red ? " flagged-edges" : "").append("\">");
            for (Map.Entry<Edge, Long> e : edges.entrySet()) {
                Edge edge = e.getKey();
                if (flagged.contains(edge) != red || !at.containsKey(edge.from()) || !at.containsKey(edge.to())) {
                    continue;
                }
                boolean twoWay = edges.containsKey(new Edge(edge.to(), edge.from()));
                sb.append(edge(edge, e.getValue(), max, red, twoWay, edges.size() > DENSE, at.get(edge.from()),
                        at.get(edge.to())));
            }
            sb.append("</g>");
        }
        // flagged pairs with no recorded message (the trace left out) are not drawn: the graph shows traffic
        sb.append("<g class=\"nodes\">");
        for (String agent : agents) {
            double[] p = at.get(agent);
            boolean bad = misaligned.contains(agent);
            int count = violations.getOrDefault(agent, 0);
            sb.append("<g class=\"node").append(bad ? " misaligned" : "").append("\" data-agent=\"").append(esc(agent))
                    .append("\" data-violations=\"").append(count).append("\">");
            sb.append("<title>").append(esc(agent + (bad ? " (misaligned in the scenario)" : "") + ": " + count
                    + (count == 1 ? " violation" : " violations"))).append("</title>");
            sb.append("<circle cx=\"").append(xy(p[0])).append("\" cy=\"").append(xy(p[1])).append("\" r=\"").append(xy(NODE))
                    .append(bad ? "\" fill=\"#f6b26b\" stroke=\"#8a3f00\" stroke-width=\"2.5\" stroke-dasharray=\"4 2\"/>"
                            : "\" fill=\"#5b7fb5\" stroke=\"#2f4a73\" stroke-width=\"1.5\"/>");
            double lx = c + (ring + NODE + 14) * Math.cos(p[2]);
            double ly = c + (ring + NODE + 14) * Math.sin(p[2]) + 4;
            double cos = Math.cos(p[2]);
            String anchor = Math.abs(cos) < 0.3 ? "middle" : cos > 0 ? "start" : "end";
            if (Math.abs(cos) < 0.3) {
                ly += Math.sin(p[2]) > 0 ? 10 : -4;
            }
            sb.append("<text class=\"agent-name\" x=\"").append(xy(lx)).append("\" y=\"").append(xy(ly))
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(esc(clip(agent))).append("</text>");
            if (count > 0) {
                double bx = p[0] + NODE * 0.75;
                double by = p[1] - NODE * 0.75;
                sb.append("<g class=\"badge\"><circle cx=\"").append(xy(bx)).append("\" cy=\"").append(xy(by))
                        .append("\" r=\"9\" fill=\"").append(FLAGGED).append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>")
                        .append("<text x=\"").append(xy(bx)).append("\" y=\"").append(xy(by + 3.5))
                        .append("\" text-anchor=\"middle\" fill=\"#ffffff\" font-size=\"10\" font-weight=\"bold\">")
                        .append(count > 99 ? "99+" : count).append("</text></g>");
            }
            sb.append("</g>");
        }
        sb.append("</g>");
        sb.append(legend(20, top + height - 22, !misaligned.isEmpty()));
        sb.append("</svg>");
        return sb.toString();
    }

    private static String edge(Edge edge, long count, long max, boolean red, boolean twoWay, boolean dense, double[] a,
            double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        // Two-way pairs bend to their right, so each direction keeps its own arrow.
        double bend = twoWay ? Math.min(28, len * 0.12) : 0;
        double mx = (a[0] + b[0]) / 2 - uy * bend;
        double my = (a[1] + b[1]) / 2 + ux * bend;
        double[] start = toward(a, mx, my, NODE + 2);
        double[] end = toward(b, mx, my, NODE + 4);
        // Many pairs: thinner, fainter arrows, so that the picture stays readable rather than a solid disc.
        double width = dense ? 0.6 + 2.4 * Math.sqrt((double) count / Math.max(1, max))
                : 1.2 + 5 * Math.sqrt((double) count / Math.max(1, max));
        String label = edge.from() + " \u2192 " + edge.to() + ": " + count + (count == 1 ? " message" : " messages")
                + (red ? ", cited as evidence of a violation" : "");
        return "<path class=\"edge" + (red ? " flagged" : "") + "\" data-from=\"" + esc(edge.from()) + "\" data-to=\""
                + esc(edge.to()) + "\" data-count=\"" + count + "\" d=\"M" + xy(start[0]) + ' ' + xy(start[1]) + " Q"
                + xy(mx) + ' ' + xy(my) + ' ' + xy(end[0]) + ' ' + xy(end[1]) + "\" fill=\"none\" stroke=\""
                + (red ? FLAGGED : PLAIN) + "\" stroke-width=\"" + Markup.num(width, 2) + "\" stroke-opacity=\""
                + (red ? (dense ? "0.6" : "0.9") : (dense ? "0.3" : "0.6")) + "\" marker-end=\"url(#" + (red ? "arrow-flagged" : "arrow") + ")\"><title>"
                + esc(label) + "</title></path>";
    }

    /** The point at {@code dist} from the node centre {@code p} in the direction of (x, y). */
    private static double[] toward(double[] p, double x, double y, double dist) {
        double dx = x - p[0];
        double dy = y - p[1];
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        return new double[] {p[0] + dx / len * dist, p[1] + dy / len * dist};
    }

    private static String marker(String id, String color) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\""
                + " markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 Z\" fill=\"" + color
                + "\"/></marker>";
    }

    private static String legend(double x, double y, boolean misaligned) {
        StringBuilder sb = new StringBuilder("<g class=\"legend\">");
        sb.append(Timeline.line(x, y - 4, x + 30, y - 4, PLAIN).replace("/>", " stroke-width=\"2.5\"/>"));
        sb.append("<text x=\"").append(xy(x + 36)).append("\" y=\"").append(xy(y)).append("\">messages</text>");
        x += 108;
        sb.append(Timeline.line(x, y - 4, x + 30, y - 4, FLAGGED).replace("/>", " stroke-width=\"2.5\"/>"));
        sb.append("<text x=\"").append(xy(x + 36)).append("\" y=\"").append(xy(y)).append("\">evidence of a violation</text>");
        if (misaligned) {
            x += 196;
            sb.append("<circle cx=\"").append(xy(x + 8)).append("\" cy=\"").append(xy(y - 4))
                    .append("\" r=\"8\" fill=\"#f6b26b\" stroke=\"#8a3f00\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>");
            sb.append("<text x=\"").append(xy(x + 22)).append("\" y=\"").append(xy(y)).append("\">misaligned (ground truth)</text>");
        }
        x += 196;
        sb.append("<circle cx=\"").append(xy(x + 8)).append("\" cy=\"").append(xy(y - 4)).append("\" r=\"8\" fill=\"")
                .append(FLAGGED).append("\"/>");
        sb.append("<text x=\"").append(xy(x + 22)).append("\" y=\"").append(xy(y)).append("\">violations</text>");
        return sb.append("</g>").toString();
    }

    private static String clip(String name) {
        return name.length() <= 24 ? name : name.substring(0, 23) + "\u2026";
    }
}
