package vigil.bus;

import jason.asSemantics.Unifier;
import jason.asSyntax.Literal;
import jason.infra.local.BaseLocalMAS;
import jason.infra.local.LocalAgArch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vigil.core.Config;
import vigil.core.Vigil;
import vigil.jacamo.MasMonitor;
import vigil.jacamo.run.JasonRun;

/**
 * One JVM of the two-JVM market: real Jason sellers (the market scenario's {@code seller.asl}) under Vigil
 * with the bus on, their messages to the other JVM's sellers carried by the {@link Relay}. Arguments: the
 * configuration, the project ({@code .mas2j}), the file with the other JVM's relay port, the other JVM's
 * agents. In its working folder: writes {@code relay.port} and {@code ready}; opens round N when a file
 * {@code round-N} appears; prints {@code posted AGENT P} for each post and {@code warned AGENT} once a
 * seller holds the warning's consequence ({@code warned}); stops on a file {@code stop}.
 */
public final class SellersMain {

    private SellersMain() {
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.load(Path.of(args[0]));
        Path project = Path.of(args[1]);
        Path peerPort = Path.of(args[2]);
        List<String> remote = List.of(args).subList(3, args.length);
        MasMonitor.install(Vigil.builder().config(config));
        try (Relay relay = Relay.open(Path.of("relay.port"), peerPort)) {
            JasonRun run = JasonRun.start(project, true);
            for (String r : remote) {
                relay.standIn(r);
            }
            Files.writeString(Path.of("ready"), String.join(",", run.agents()));
            Set<String> warned = new HashSet<>();
            int round = 0;
            while (!Files.exists(Path.of("stop"))) {
                if (Files.exists(Path.of("round-" + (round + 1)))) {
                    round++;
                    MarketFloor.current.round(round);
                }
                for (String a : run.agents()) {
                    if (!warned.contains(a) && believes(a, "warned")) {
                        warned.add(a);
                        System.out.println("warned " + a);
                        System.out.flush();
                    }
                }
                Thread.sleep(50);
            }
            relay.withdraw();
            run.close();
        } finally {
            MasMonitor.shutdown();
        }
        System.out.println("closed");
    }

    private static boolean believes(String agent, String literal) {
        LocalAgArch arch = BaseLocalMAS.getRunner() == null ? null : BaseLocalMAS.getRunner().getAg(agent);
        try {
            return arch != null && arch.getTS() != null && arch.getTS().getAg().believes(Literal.parseLiteral(literal), new Unifier());
        } catch (RuntimeException e) {
            return false; // read while the agent changes its beliefs: asked again at the next turn
        }
    }
}
