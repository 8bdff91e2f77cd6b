package vigil.samples;

import java.util.List;

/** The outcome of one run, round by round ({@code [round, value]}), with its final figure and one line saying it. */
public record Series(String label, List<double[]> points, double value, String text) {
}
