package vigil.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run folder says about the run beyond its audit log and trace, in the page's own terms: a title and
 * description, facts for the header, the agents known to be misaligned, an outcome over the rounds, per-rule
 * scores against ground truth, the labelled cases of misbehaviour, and threshold sweeps of the rules. Every part is optional (null or
 * empty). The report does not know who writes such a folder: a {@link Reader} found with
 * {@link java.util.ServiceLoader} turns its files into a context (the samples read their {@code scenario.json}).
 */
public record RunContext(
        String source,
        String title,
        String description,
        List<Fact> facts,
        List<String> misaligned,
        Outcome outcome,
        List<RuleScore> scores,
        List<LabelledCase> truth,
        List<Sweep> sweeps) {

    public RunContext {
        sweeps = sweeps == null ? List.of() : List.copyOf(sweeps);
        facts = facts == null ? List.of() : List.copyOf(facts);
        misaligned = misaligned == null ? List.of() : List.copyOf(misaligned);
        scores = scores == null ? List.of() : List.copyOf(scores);
        truth = truth == null ? List.of() : List.copyOf(truth);
    }

    /** A context without sweeps. */
    public RunContext(String source, String title, String description, List<Fact> facts, List<String> misaligned,
            Outcome outcome, List<RuleScore> scores, List<LabelledCase> truth) {
        this(source, title, description, facts, misaligned, outcome, scores, truth, List.of());
    }

    /**
     * A rule's score as one of its parameters is swept: {@code current} is the value the run used; each point
     * is one value with the rule's precision and recall there (null when undefined).
     */
    public record Sweep(String rule, String param, String current, List<SweepPoint> points) {
        public Sweep {
            points = points == null ? List.of() : List.copyOf(points);
        }
    }

    public record SweepPoint(String value, Long tp, Long fp, Long fn, Double precision, Double recall) {
    }

    /** One fact of the page's header: {@code key} names it in the markup, {@code label} on the page. */
    public record Fact(String key, String label, String value) {
    }

    /** The outcome the run is judged by, one curve per run compared (e.g. sanctions on and off) and how each ended. */
    public record Outcome(String name, String unit, Boolean higherIsBetter, List<Curve> series, List<Ending> summary) {
        public Outcome {
            series = series == null ? List.of() : List.copyOf(series);
            summary = summary == null ? List.of() : List.copyOf(summary);
        }
    }

    /** One run's outcome: points are (round, value). */
    public record Curve(String label, List<double[]> points) {
    }

    /** How one run ended: its final value and a sentence. */
    public record Ending(String label, Double value, String text) {
    }

    /** One rule's detection score against the ground truth. */
    public record RuleScore(String rule, String value, Long tp, Long fp, Long fn, Double precision, Double recall,
            Double latencyMedianMs, Double latencyMaxMs) {
    }

    /** One labelled case of misbehaviour and whether the rule expected to catch it did. */
    public record LabelledCase(String agent, String behaviour, Long round, Long time, String rule, Boolean detected,
            Double latencyMs) {
    }

    /**
     * Reads a run folder's context from files its writer put there. Found with {@link java.util.ServiceLoader}
     * ({@code META-INF/services/vigil.cli.report.RunContext$Reader}); called on the thread writing the report.
     */
    public interface Reader {
        /**
         * The folder's context, or null when the folder holds none of this reader's files. A file that is there
         * but cannot be read is told in {@code problems}, in plain words, and null returned.
         */
        RunContext read(Path dir, List<String> problems) throws IOException;
    }
}
