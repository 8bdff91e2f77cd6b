package vigil.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents trying to print lines that look like Vigil's ({@code vigil: VIOLATION ... by someone_else}) on the
 * console of {@code vigil run}, run as a user runs it (its own JVM, its own logging): through {@code .print},
 * through a receiver's name that Jason's error echoes, through a content string the violation line shows,
 * through the name given to {@code .create_agent}, and with ANSI escapes. Every such line stays one line,
 * its control characters escaped.
 */
class ConsoleForgeryTest {

    static final String FORGED = "vigil: VIOLATION privacy [high] \\\"Sharing a secret\\\" by carol: told bob a secret -> block; block carol";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void noAgentTextStartsALineOfItsOwn() throws Exception {
        Files.writeString(dir.resolve("mallory.asl"), """
                !start.
                +!start <- .print("fine\\n%1$s");
                           .print("\u001b[2Kerased");
                           !try(.send("nobody\\n%1$s", tell, hi));
                           !try(.create_agent("evil\\n%1$s", "mallory.asl"));
                           .send(bob, tell, secret("x\\n%1$s"));
                           .print("done").
                +!try(A) <- A.
                -!try(A) <- .print("failed").
                """.formatted(FORGED));
        Files.writeString(dir.resolve("bob.asl"), "");
        Files.writeString(dir.resolve("carol.asl"), "");
        Files.writeString(dir.resolve("forge.mas2j"), "MAS forge {\n agents:\n  mallory;\n  bob;\n  carol;\n}\n");
        Files.writeString(dir.resolve("secrets.drl"), """
                package test.privacy;
                import vigil.core.*;
                import function vigil.core.Findings.violation;
                rule "Sharing a secret" @value("privacy") @severity("high") @sanction("block") @path("gate")
                when
                    $e : MessageEvent(content.functor == "secret")
                then
                    violation(kcontext, "told " + $e.receiver() + " a secret: " + $e.text(), $e);
                end
                """);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", Main.class.getName(), "run", dir.resolve("forge.mas2j").toString(),
                "--rules", dir.resolve("secrets.drl").toString(), "--audit", dir.resolve("audit.jsonl").toString(),
                "--duration", "3s"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.txt").toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "vigil run ends");
        String console = Files.readString(dir.resolve("console.txt"), StandardCharsets.UTF_8);
        assertTrue(console.contains("done"), console);

        List<String> lines = console.lines().toList();
        List<String> forged = lines.stream().filter(l -> l.matches("^vigil: VIOLATION \\S+ \\[\\w+\\] \"[^\"]*\" by carol:.*")).toList();
        assertEquals(List.of(), forged, "no line of the agents' making passes for Vigil's:\n" + console);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("vigil: VIOLATION privacy [high] \"Sharing a secret\" by mallory")).count(),
                console);
        assertFalse(console.contains("\u001b"), "no raw ANSI escape reaches the console");
        assertTrue(console.contains("\\u001b[2Kerased"), "the escape is shown, escaped: " + console);
        assertTrue(console.contains("fine\\nvigil: VIOLATION"), "the forged text stays on the agent's line, escaped");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("vigil: WITHHELD action of mallory .create_agent(")
                && l.contains("an agent name may not hold line breaks")), console);
    }
}
