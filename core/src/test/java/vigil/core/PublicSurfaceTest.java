package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public types of {@code vigil.core} are the user's API, listed in docs/architecture.md, each with a
 * Javadoc; everything else in the package (the engine) is package-private.
 */
class PublicSurfaceTest {

    static final Path SOURCES = Path.of("src", "main", "java", "vigil", "core");
    static final Path DOC = Path.of("..", "docs", "architecture.md");
    static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum) (\\w+)");

    static Set<String> publicTypes() throws Exception {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = PUBLIC_TYPE.matcher(Files.readString(f));
                if (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    static Set<String> documented() throws Exception {
        String doc = Files.readString(DOC);
        int from = doc.indexOf("## The public package `vigil.core`");
        assertTrue(from >= 0, "docs/architecture.md has a section on the public package");
        int to = doc.indexOf("\n## ", from + 1);
        Matcher m = Pattern.compile("`([A-Z]\\w*)").matcher(doc.substring(from, to < 0 ? doc.length() : to));
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            if (Files.exists(SOURCES.resolve(m.group(1) + ".java"))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void thePublicTypesAreTheOnesTheArchitecturePageLists() throws Exception {
        assertEquals(documented(), publicTypes(), "docs/architecture.md lists the public types of vigil.core");
    }

    @Test
    void everyPublicTypeSaysItsContractInAJavadoc() throws Exception {
        for (String t : publicTypes()) {
            String text = Files.readString(SOURCES.resolve(t + ".java"));
            int type = PUBLIC_TYPE.matcher(text).results().findFirst().orElseThrow().start();
            String before = text.substring(0, type).strip();
            while (before.endsWith(")") || before.matches("(?s).*@\\w+$")) {
                before = before.substring(0, before.lastIndexOf('@')).strip(); // annotations
            }
            assertTrue(before.endsWith("*/"), t + " has a Javadoc");
        }
    }
}
