package vigil.jacamo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Jason MAS under Vigil that runs until it is killed (KilledMasTest kills it with SIGKILL): four
 * agents send, without pause, secrets a gate rule blocks and shouts a watch rule flags, with a trace kept.
 * Prints {@code running} once the agents have started.
 */
public final class KilledMasMain {

    private KilledMasMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.writeString(dir.resolve("sink.asl"), "");
        Files.writeString(dir.resolve("sender.asl"), """
                !run.
                +!run <- .send(sink, tell, secret(1)); .send(sink, tell, shout(1)); .send(sink, tell, ping(1)); !run.
                """);
        Path project = Files.writeString(dir.resolve("killed.mas2j"),
                "MAS killed {\n    agents:\n        sink agentArchClass vigil.jacamo.MonitoredArch;\n        sender agentArchClass vigil.jacamo.MonitoredArch #4;\n}\n");
        String shouts = """
                package test.shouts;
                import vigil.core.*;
                import function vigil.core.Findings.violation;
                rule "Shouting" @value("civility") @severity("low") @path("watch")
                when
                    $m : MessageEvent(content.functor == "shout")
                then
                    violation(kcontext, "shouted at " + $m.receiver(), $m);
                end
                """;
        Mas mas = Mas.start(project, Mas.config(dir).trace(dir.resolve("trace.jsonl")).logAlerts(false), EscapeTest.SECRETS, shouts);
        System.out.println("running " + mas.run.agents());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
