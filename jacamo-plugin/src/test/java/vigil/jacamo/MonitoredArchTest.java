package vigil.jacamo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoredArchTest {

    static final String PRIVACY = """
            package test.privacy;
            import vigil.core.event.*;
            import function vigil.core.rules.Findings.violation;

            rule "Sharing a secret"
                @value("privacy") @severity("high") @sanction("block, warn, notify boss") @path("gate")
            when
                $m : MessageEvent(content.functor == "secret")
            then
                violation(kcontext, "told " + $m.receiver() + " a secret", $m);
            end
            """;

    @TempDir
    Path dir;
    Mas mas;

    @AfterEach
    void stop() {
        if (mas != null) {
            mas.close();
        }
    }

    @Test
    void blocksAMessageWarnsTheSenderAndNotifiesTheSupervisor() {
        mas = Mas.start("privacy/privacy.mas2j", Mas.config(dir), PRIVACY);
        mas.awaitPrinted("alice: warned about privacy: told bob a secret");
        mas.awaitPrinted("boss: violation of privacy by alice");
        mas.awaitPrinted("bob: got hello 1 from alice");
        mas.awaitPrinted("bob: secrets: 0");
        assertEquals(java.util.List.of("vigil.jacamo.MonitoredArch", "jason.infra.local.LocalAgArch"), Mas.chain("alice"));
    }
}
