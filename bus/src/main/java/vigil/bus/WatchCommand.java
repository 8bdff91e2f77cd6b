package vigil.bus;

import java.io.PrintStream;
import java.util.List;
import vigil.cli.Args;
import vigil.cli.Command;
import vigil.cli.Exit;

/** {@code ./vigil watch --bus kafka://HOST:PORT ...}: the watch service, registered through the command line's SPI. */
public final class WatchCommand implements Command {

    @Override
    public String name() {
        return "watch";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String usage() {
        return """
                watch --bus kafka://HOST:PORT[,...] [--config FILE] [--audit FILE] [--lateness 2s] [--group NAME]
                      [--instance NAME] [--partitions 6] [--silence 5s] [--status FILE] [--duration D]
                    the watch service of a society spread over several JVMs (docs/distributed.md): reads the
                    events their gates judged from Kafka, runs the watch rules over the whole society, writes the
                    audit log and sends the sanctions back; runs until stopped (SIGTERM, Ctrl-C) or --duration
                """;
    }

    @Override
    public List<String> options() {
        return List.of("--bus=", "--config=", "--audit=", "--lateness=", "--group=", "--instance=", "--partitions=",
                "--silence=", "--status=", "--duration=");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        try {
            return WatchMain.run(args.words().toArray(String[]::new), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exit.BAD_INPUT.code;
        }
    }
}
