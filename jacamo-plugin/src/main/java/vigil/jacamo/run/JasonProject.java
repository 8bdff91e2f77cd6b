package vigil.jacamo.run;

import jason.asSyntax.directives.DirectiveProcessor;
import jason.asSyntax.directives.Include;
import jason.mas2j.AgentParameters;
import jason.mas2j.MAS2JProject;
import jason.mas2j.parser.ParseException;
import jason.mas2j.parser.TokenMgrError;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .mas2j} project the way Jason does, but checks it first and reports problems as
 * {@code file:line: problem}: a syntax error, an agent whose {@code .asl} source is missing. Agent sources
 * are resolved against the project's folder (and its {@code aslSourcePath}), wherever the runner was started from.
 */
final class JasonProject {

    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private JasonProject() {
    }

    static MAS2JProject load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ProjectException(file + ": no such project file");
        }
        String text = JasonRun.read(file);
        MAS2JProject project;
        try {
            project = new jason.mas2j.parser.mas2j(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).mas();
        } catch (ParseException e) {
            int line = e.currentToken != null && e.currentToken.next != null ? e.currentToken.next.beginLine : line(e.getMessage());
            throw new ProjectException(file + ":" + line + ": " + firstLine(e.getMessage()));
        } catch (TokenMgrError e) {
            throw new ProjectException(file + ":" + line(e.getMessage()) + ": " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new ProjectException(file + ": not a Jason project: " + e);
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        project.setupDefault();
        project.setDirectory(dir.toString());
        project.setProjectFile(file.toAbsolutePath().toFile());
        List<Path> roots = new ArrayList<>();
        roots.add(dir);
        for (String p : project.getSourcePaths().getPaths()) {
            String s = p.startsWith("file:") ? p.substring(5) : p;
            Path candidate = dir.resolve(s).normalize();
            if (Files.isDirectory(candidate) && !roots.contains(candidate)) {
                roots.add(candidate);
            }
        }
        project.getSourcePaths().clearPaths();
        for (Path r : roots) {
            project.addSourcePath(r.toString());
        }
        project.registerDirectives();
        ((Include) DirectiveProcessor.getDirective("include")).setSourcePath(project.getSourcePaths());

        List<String> missing = new ArrayList<>();
        for (AgentParameters ap : project.getAgents()) {
            String src = ap.getSource() == null ? ap.name + ".asl" : ap.getSource().toString();
            if (src.startsWith("file:")) {
                src = src.substring(5);
            }
            Path found = find(src, roots);
            if (found == null) {
                missing.add(file + ":" + lineOf(text, ap.name) + ": agent " + ap.name + ": source " + src
                        + " not found (looked in " + roots + ")");
                continue;
            }
            ap.setSource(URI.create(found.toUri().toString()));
        }
        if (!missing.isEmpty()) {
            throw new ProjectException(String.join(System.lineSeparator(), missing));
        }
        return project;
    }

    private static Path find(String src, List<Path> roots) {
        Path p = Path.of(src);
        if (p.isAbsolute()) {
            return Files.isRegularFile(p) ? p : null;
        }
        for (Path r : roots) {
            Path c = r.resolve(src).normalize();
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        return null;
    }

    /** The line declaring an agent: the first line after {@code agents:} that names it. */
    static int lineOf(String text, String agent) {
        String[] lines = text.split("\r?\n", -1);
        boolean inAgents = false;
        Pattern name = Pattern.compile("(^|\\s)" + Pattern.quote(agent) + "(\\s|$|[;\\[#])");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("agents")) {
                inAgents = true;
            }
            if (inAgents && name.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int line(String message) {
        Matcher m = LINE.matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String[] parts = message.strip().split("\r?\n");
        return parts[0].strip();
    }

    /** Jason's reasons for not creating agents, one line each: {@code file:line: message} where a line is known. */
    static String explain(List<String> errors) {
        StringBuilder sb = new StringBuilder();
        for (String e : errors) {
            if (e == null) {
                continue;
            }
            String one = firstLine(e);
            Matcher src = Pattern.compile("\"(file:[^\"]+)\"").matcher(one);
            if (src.find()) {
                String path = src.group(1).replaceFirst("^file:(//)?", "");
                int line = line(e);
                one = path + (line > 0 ? ":" + line : "") + ": " + one.substring(src.end()).replaceFirst("^[:\\s]+", "");
            }
            sb.append("  ").append(one).append(System.lineSeparator());
        }
        return sb.toString().stripTrailing();
    }
}
