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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vigil.jacamo.MonitoredArch;

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
        String reserved = reservedName(file, text, project.getAgents(), "agents");
        if (reserved != null) {
            missing.add(reserved);
        }
        Set<Path> lexed = new HashSet<>();
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
            lex(found, roots, lexed, missing);
        }
        if (!missing.isEmpty()) {
            throw new ProjectException(String.join(System.lineSeparator(), missing));
        }
        return project;
    }

    /**
     * Refuses an agent the project declares under the name {@code vigil}, which is Vigil's: the error names the
     * project file and line ({@code section} is the keyword its agents are declared under: {@code agents} in a
     * {@code .mas2j}, {@code agent} in a {@code .jcm}). Null when no agent takes the name.
     */
    static String reservedName(Path file, String text, Iterable<? extends AgentParameters> agents, String section) {
        for (AgentParameters ap : agents) {
            // Several instances are numbered (vigil1, vigil2): only a single one takes the name itself.
            if (MonitoredArch.VIGIL.equals(ap.getAgName()) && ap.getNbInstances() <= 1) {
                return file + ":" + lineOf(text, ap.getAgName(), section) + ": agent " + ap.getAgName() + ": "
                        + MonitoredArch.RESERVED;
            }
        }
        return null;
    }

    private static final Pattern INCLUDE = Pattern.compile("\\{\\s*include\\s*\\(\\s*\"([^\"]+)\"");

    /**
     * Reads an agent's source, and the sources it includes, with Jason's own lexer: a character AgentSpeak
     * has no use for, or a string not closed on its line, is reported as {@code file.asl:LINE: lexical error ...}
     * (Jason's parser would throw a bare {@code TokenMgrError}, naming no file).
     */
    static void lex(Path asl, List<Path> roots, Set<Path> done, List<String> problems) {
        if (!done.add(asl.toAbsolutePath().normalize())) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(asl);
        } catch (java.io.IOException e) {
            problems.add(asl + ": cannot read: " + e.getMessage());
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            jason.asSyntax.parser.as2jTokenManager tokens = new jason.asSyntax.parser.as2jTokenManager(
                    new jason.asSyntax.parser.SimpleCharStream(new java.io.StringReader(text), 1, 1));
            while (tokens.getNextToken().kind != jason.asSyntax.parser.as2jConstants.EOF) {
                // Only whether every character is part of a token matters here; the parser reads the grammar.
            }
        } catch (jason.asSyntax.parser.TokenMgrError e) {
            problems.add(lexicalError(asl, text, e.getMessage()));
            return;
        }
        Matcher inc = INCLUDE.matcher(text);
        while (inc.find()) {
            List<Path> where = new ArrayList<>();
            if (asl.toAbsolutePath().getParent() != null) {
                where.add(asl.toAbsolutePath().getParent());
            }
            where.addAll(roots);
            Path found = find(inc.group(1), where);
            if (found != null) {
                lex(found, roots, done, problems);
            }
        }
    }

    private static final Pattern LEXICAL = Pattern.compile(
            "(?s)Lexical error at line (\\d+), column (\\d+)\\.\\s*Encountered:\\s*(.*?),?\\s*after\\s*:\\s*\"(.*)\"\\s*$");

    /**
     * Jason's lexer's message in the user's terms: the file, line and column where the token that cannot be read
     * begins (the lexer names where it gave up, which for a string left open is the end of the file), then
     * what is wrong in plain words.
     */
    static String lexicalError(Path asl, String text, String message) {
        Matcher m = LEXICAL.matcher(message == null ? "" : message.strip());
        if (!m.matches()) {
            return asl + ":" + line(message) + ": lexical error: " + firstLine(message);
        }
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        String encountered = m.group(3).strip();
        String image = unescape(m.group(4));
        // The token began len(image) characters before where the lexer stopped, maybe lines earlier.
        int breaks = (int) image.chars().filter(c -> c == '\n').count();
        int firstBreak = image.indexOf('\n');
        int startLine = line - breaks;
        int startColumn;
        if (firstBreak < 0) {
            startColumn = column - image.length();
        } else {
            String[] lines = text.split("\n", -1);
            String l = startLine >= 1 && startLine <= lines.length ? lines[startLine - 1].replace("\r", "") : "";
            startColumn = l.length() - image.substring(0, firstBreak).replace("\r", "").length() + 1;
        }
        String shown = firstBreak < 0 ? image : image.substring(0, firstBreak);
        shown = shown.replace("\r", "");
        if (shown.length() > 40) {
            shown = shown.substring(0, 40);
        }
        String what;
        if (image.startsWith("\"")) {
            what = "a string is not closed on its line (" + shown + " ...)";
        } else if (image.startsWith("'")) {
            what = "a quoted atom is not closed (" + shown + " ...)";
        } else if (encountered.equals("<EOF>")) {
            what = "the file ends inside a token (" + shown + " ...)";
        } else {
            what = "unexpected character " + encountered.replaceFirst("\\s*\\(\\d+\\)$", "") + (shown.isEmpty() ? "" : " after " + shown);
        }
        return asl + ":" + startLine + ": lexical error at column " + Math.max(1, startColumn) + ": " + what;
    }

    /** Undoes the escaping of JavaCC's {@code TokenMgrError.addEscapes}. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case '0' -> sb.append('\0');
                case 'u' -> {
                    if (i + 4 < s.length()) {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        sb.append(n);
                    }
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
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
        return lineOf(text, agent, "agents");
    }

    /** The line declaring an agent: the first line, from the first that holds {@code section}, that names it. */
    static int lineOf(String text, String agent, String section) {
        String[] lines = text.split("\r?\n", -1);
        boolean inAgents = false;
        Pattern name = Pattern.compile("(^|\\s)" + Pattern.quote(agent) + "(\\s|$|[;\\[#:{])");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(section)) {
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
