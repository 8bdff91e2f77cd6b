package vigil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vigil.core.Event;

/**
 * What monitoring costs a MAS whose agents reason between messages: Jason's own Contract Net example
 * (examples/contract-net-protocol, adapted to run many rounds unattended: see the ORIGIN file beside the
 * agents) scaled up to several initiators, each calling for proposals from every participant round after
 * round, through the platform's directory facilitator; the participants price each call with a rule, the
 * initiator counts the answers with a rule, picks the best and announces the result, and in the variant with
 * an environment the winner performs the task there. Its messages carry arguments (cfp(Id, Task),
 * propose(Id, Offer)), so the honesty and fairness rules judge them in Drools, unlike the ping-pong MAS.
 * Timed and alternated as {@link MasOverhead}.
 */
final class ContractNet extends MasOverhead {

    private final int initiators;
    private final int participants;
    private final int refusers;
    private final int roundsEach;

    /**
     * {@code initiators} initiators each running {@code roundsEach} rounds with {@code participants}
     * participants that bid and {@code refusers} that always refuse.
     */
    ContractNet(int initiators, int participants, int refusers, int roundsEach, int runs, boolean warmUp) {
        super(initiators, roundsEach, runs, warmUp);
        this.initiators = initiators;
        this.participants = participants;
        this.refusers = refusers;
        this.roundsEach = roundsEach;
    }

    /**
     * The figure, then what the realistic MAS's own events cost the watch, pack by pack: the events of one more
     * monitored run (messages only), as the watch saw them, replayed through a monitor with each pack alone and
     * with all, as {@code benchmarks/run admission} replays its workload.
     */
    @Override
    Table run() throws Exception {
        Table t = super.run();
        Path dir = Files.createTempDirectory("vigil-bench-cnp-events");
        List<Event> events = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            Path project = write(dir, false);
            beside(m -> {
                m.addObserver((e, inserted) -> events.add(e));
                return null;
            });
            run(project, true, true, null);
        } finally {
            beside(m -> null);
            Runs.deleteTree(dir);
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(java.util.Comparator.comparingLong(Event::time));
        return t.and(Runs.packsOn(sorted, "the Contract Net's own events, as the watch saw them in one monitored run"));
    }

    @Override
    long messages() {
        // A round: a cfp to every participant, an answer from each, and a result to each bidder.
        int all = participants + refusers;
        return (long) initiators * roundsEach * (2L * all + participants);
    }

    @Override
    int finishers() {
        return initiators;
    }

    @Override
    String title() {
        return "A realistic MAS: Jason's Contract Net, " + initiators + " initiators and " + (participants + refusers)
                + " participants, " + Runs.f0((long) initiators * roundsEach) + " rounds and " + Runs.f0(messages())
                + " messages per run";
    }

    @Override
    String variant(boolean actions) {
        return actions ? "the winner performs the task in an environment" : "messages only";
    }

    @Override
    String note() {
        return "Jason's examples/contract-net-protocol (c.asl, p.asl, pr.asl), adapted to run many rounds unattended"
                + " (benchmarks/src/main/resources/vigil/bench/cnp/ORIGIN says how); every agent a plain Jason 3.2.1"
                + " agent on the Local infrastructure, with the platform's directory facilitator. Rounds alternate"
                + " unmonitored, monitored, and monitored with `admission = off`; monitored runs have"
                + " `vigil.jacamo.MonitoredArch` in every agent and every default pack. CPU: the process's, every"
                + " thread, over the timed span, which ends when the last initiator has finished its rounds.";
    }

    @Override
    Path write(Path dir, boolean actions) throws IOException {
        String initiator = resource("initiator.asl");
        String participant = resource("participant.asl").replace(";\n      WORK.", actions ? ";\n      do(Task)." : ".");
        Files.writeString(dir.resolve("participant.asl"), participant);
        Files.writeString(dir.resolve("refuser.asl"), resource("refuser.asl"));
        StringBuilder mas = new StringBuilder("MAS cnp {\n");
        if (actions) {
            mas.append("    environment: vigil.bench.mas.Workshop\n");
        }
        mas.append("    agents:\n");
        for (int i = 1; i <= initiators; i++) {
            Files.writeString(dir.resolve("c" + i + ".asl"), "rounds(" + roundsEach + ").\nparticipants("
                    + (participants + refusers) + ").\nbase(" + i * 1_000_000 + ").\n" + initiator);
            mas.append("        c").append(i).append(" c").append(i).append(".asl;\n");
        }
        mas.append("        p participant.asl #").append(participants).append(";\n");
        if (refusers > 0) {
            mas.append("        pr refuser.asl #").append(refusers).append(";\n");
        }
        mas.append("}\n");
        Path project = dir.resolve("cnp.mas2j");
        Files.writeString(project, mas);
        return project;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ContractNet.class.getResourceAsStream("/vigil/bench/cnp/" + name)) {
            if (in == null) {
                throw new IOException("missing benchmark resource vigil/bench/cnp/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
