package vigil.samples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.cli.Exit;
import vigil.cli.Main;
import vigil.cli.UsageException;

/**
 * The snippets of the README and docs/*.md stay true: every DRL block compiles with {@code ./vigil check}
 * (a fragment inside a rule skeleton), and every {@code ./vigil} command line in a code block is one the
 * command line takes (the command exists, its options are known and complete); a synopsis with placeholders
 * is the usage text's. A bare {@code vigil ...} is refused: the command is {@code ./vigil}. It lives here, in
 * the module that sees every command and every rule pack.
 */
class DocsSnippetsTest {

    static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    /** A fenced or indented code block: the file, the line it starts at, its language, its text. */
    record Snippet(Path file, int line, String lang, String text) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    static List<Path> docs() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Snippet> snippets(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String t = l.strip();
            if (t.startsWith("```")) {
                String indent = l.substring(0, l.indexOf('`'));
                String lang = t.substring(3).strip();
                StringBuilder sb = new StringBuilder();
                int start = i + 2;
                for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    String body = lines.get(i);
                    sb.append(body.startsWith(indent) ? body.substring(indent.length()) : body).append('\n');
                }
                out.add(new Snippet(file, start, lang, sb.toString()));
            } else if (l.startsWith("    ") && !t.isEmpty() && (i == 0 || lines.get(i - 1).isBlank())
                    && !t.startsWith("-") && !t.startsWith("|")) {
                StringBuilder sb = new StringBuilder();
                int start = i + 1;
                for (; i < lines.size() && (lines.get(i).startsWith("    ") || lines.get(i).isBlank()); i++) {
                    sb.append(lines.get(i).strip()).append('\n');
                }
                out.add(new Snippet(file, start, "", sb.toString()));
            }
        }
        return out;
    }

    static List<Snippet> all(String lang) throws IOException {
        List<Snippet> out = new ArrayList<>();
        for (Path f : docs()) {
            for (Snippet s : snippets(f)) {
                if (s.lang().equals(lang)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** A fragment made into a rule file: a rule without its package, or conditions without their rule. */
    static String asRuleFile(String drl) {
        String t = drl.strip();
        if (t.startsWith("package")) {
            return drl;
        }
        String header = """
                package doc.snippet;
                import vigil.core.*;
                import java.util.List;
                import function vigil.core.Findings.violation;
                import function vigil.core.Findings.violationBy;
                import function vigil.core.Findings.violationAbout;
                """;
        if (t.startsWith("rule")) {
            return header + drl + (t.contains("\nwhen") ? "" : "when\nthen\nend\n");
        }
        return header + "rule \"a fragment of the docs\"\nwhen\n" + drl + "then\nend\n";
    }

    @Test
    void everyDrlSnippetCompiles() throws IOException {
        List<Snippet> drl = all("drl");
        assertTrue(drl.size() >= 6, "the guides' DRL: " + drl.size());
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Snippet s : drl) {
            Path file = dir.resolve("snippet" + ++n + ".drl");
            Files.writeString(file, asRuleFile(s.text()), StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"check", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            if (code != Exit.OK.code) {
                failures.add(s.where() + ": " + err.toString(StandardCharsets.UTF_8).strip());
            }
        }
        assertEquals(List.of(), failures, "DRL snippets that do not compile");
    }

    @Test
    void everyCommandLineInTheDocsIsOneTheCommandLineTakes() throws IOException {
        String usage = Main.usage();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path f : docs()) {
            for (Snippet s : snippets(f)) {
                if (!s.lang().isEmpty() && !s.lang().equals("sh") && !s.lang().equals("shell") && !s.lang().equals("bash")) {
                    continue;
                }
                int lineNo = s.line() - 1;
                for (String raw : s.text().split("\n")) {
                    lineNo++;
                    String line = raw.strip();
                    if (line.startsWith("$ ")) {
                        line = line.substring(2);
                    }
                    int comment = line.indexOf(" #");
                    if (comment >= 0) {
                        line = line.substring(0, comment).strip();
                    }
                    String where = ROOT.relativize(f) + ":" + lineNo;
                    if (line.startsWith("vigil ")) {
                        failures.add(where + ": '" + line + "': the command is ./vigil");
                        continue;
                    }
                    if (!line.startsWith("./vigil ") && !line.equals("./vigil")) {
                        continue;
                    }
                    checked++;
                    String command = line.substring("./vigil".length()).strip();
                    if (command.matches(".*([A-Z]{3,}|\\[|\\.\\.\\.).*")) {
                        // A synopsis: it is the usage text's own.
                        if (!usage.contains(command.split(" \\[")[0])) {
                            failures.add(where + ": '" + line + "' is not in the usage text");
                        }
                        continue;
                    }
                    try {
                        Main.parse(command.isEmpty() ? new String[0] : Arrays.stream(command.split("\\s+"))
                                .filter(w -> !w.equals("|") && !w.equals("or:")).toArray(String[]::new));
                    } catch (UsageException e) {
                        failures.add(where + ": '" + line + "': " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(checked >= 8, "command lines checked: " + checked);
        assertEquals(List.of(), failures, "command lines in the docs that the command line refuses");
    }

    @Test
    void aWrongSnippetIsCaught() {
        assertThrows(UsageException.class, () -> Main.parse("run", "x.mas2j", "--rule", "a"));
        assertThrows(UsageException.class, () -> Main.parse("chek", "x"));
        assertTrue(asRuleFile("    $m : MessageEvent()\n").contains("rule \"a fragment of the docs\"\nwhen\n"));
    }
}
