package vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What intercepting and judging costs a running Jason MAS apart from what the rules do: the ping-pong MAS of
 * {@link MasOverhead} unmonitored, monitored with no rule loaded at all (a rule file with no rule: every event is
 * judged and passed by, so what it costs is the plumbing: each message's term and text, the seal, the gate's
 * call, the hand-off to the watch) and monitored with every default pack, alternating (U, none, all, U, ...)
 * in this JVM after one warm-up of each. The extra time is given per message, of the whole MAS.
 */
final class PlumbingOverhead {

    private final MasOverhead mas;
    private final int rounds;

    PlumbingOverhead(int pairs, int perPair, int rounds, boolean warmUp) {
        this.mas = new MasOverhead(pairs, perPair, rounds, warmUp);
        this.rounds = rounds;
    }

    /** Run {@code i}: 0 with no rule (the rules of {@code none}), 1 with every default pack. */
    private void rules(int i, Path none) {
        if (i == 0) {
            mas.rules(none);
        } else {
            mas.defaultPacks();
        }
    }

    Table run() throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Table t = new Table("The plumbing's cost: " + 2 * mas.pairs() + " Jason agents, " + Runs.f0(mas.messages())
                        + " messages per run, with no rule loaded and with every default pack",
                "variant", "rules", "runs (U / M)", "unmonitored s (median)", "monitored s (median)",
                "wall-time ratio M/U (median)", "CPU ratio M/U (median)", "extra wall us per message (median)",
                "extra CPU us per message (median)", "events judged per M run");
        Path none = Files.createTempDirectory("vigil-bench-norules");
        // A rules folder must hold a rule file: this one declares its package and no rule.
        Files.writeString(none.resolve("none.drl"), "// No rule: every event is judged and passed by.\npackage vigil.bench.none;\n");
        String only = System.getProperty("vigil.bench.mas.variant", "");
        try {
            for (boolean actions : new boolean[] {false, true}) {
                if (!only.isEmpty() && only.equals("actions") != actions) {
                    continue;
                }
                Path dir = Files.createTempDirectory("vigil-bench-plumbing");
                try {
                    Path project = mas.write(dir, actions);
                    if (mas.warmUp()) {
                        mas.run(project, false, true, null);
                        for (int i = 0; i < 2; i++) {
                            rules(i, none);
                            mas.run(project, true, true, null);
                        }
                    }
                    List<Double> u = new ArrayList<>();
                    List<Double> uCpu = new ArrayList<>();
                    List<List<Double>> m = List.of(new ArrayList<>(), new ArrayList<>());
                    List<List<Double>> mCpu = List.of(new ArrayList<>(), new ArrayList<>());
                    long[][] judged = new long[2][2];
                    for (int round = 0; round < rounds; round++) {
                        u.add(mas.run(project, false, true, null));
                        uCpu.add(mas.lastCpu());
                        for (int i = 0; i < 2; i++) {
                            rules(i, none);
                            m.get(i).add(mas.run(project, true, true, judged[i]));
                            mCpu.get(i).add(mas.lastCpu());
                        }
                    }
                    for (int i = 0; i < 2; i++) {
                        List<Double> ratios = new ArrayList<>();
                        List<Double> cpuRatios = new ArrayList<>();
                        List<Double> extraWall = new ArrayList<>();
                        List<Double> extraCpu = new ArrayList<>();
                        for (int round = 0; round < rounds; round++) {
                            ratios.add(m.get(i).get(round) / u.get(round));
                            cpuRatios.add(mCpu.get(i).get(round) / uCpu.get(round));
                            extraWall.add((m.get(i).get(round) - u.get(round)) * 1e6 / mas.messages());
                            extraCpu.add((mCpu.get(i).get(round) - uCpu.get(round)) * 1e6 / mas.messages());
                        }
                        t.row(mas.variant(actions), i == 0 ? "none (a rule file with no rule)" : "every default pack",
                                rounds + " / " + rounds, Table.f(Table.median(u), 2), Table.f(Table.median(m.get(i)), 2),
                                Table.f(Table.median(ratios), 3) + "x", Table.f(Table.median(cpuRatios), 3) + "x",
                                Table.f(Table.median(extraWall), 2), Table.f(Table.median(extraCpu), 2), Runs.f0(judged[i][0]));
                    }
                } finally {
                    Runs.deleteTree(dir);
                }
            }
        } finally {
            Runs.deleteTree(none);
        }
        return t.note("Each agent is a plain Jason 3.2.1 agent on the Local infrastructure; monitored runs have"
                + " `vigil.jacamo.MonitoredArch` first in every agent (live clock, no audit file, no alert log, no trace)."
                + " With no rule loaded every event is still judged by the gate, handed to the watch and passed by there:"
                + " the difference from unmonitored is the interception itself. The timed span starts before the agents are"
                + " created and ends when the last pinger finishes. CPU: the process's, every thread, over the same span;"
                + " per message: the difference from the same round's unmonitored run over the messages sent.");
    }
}
