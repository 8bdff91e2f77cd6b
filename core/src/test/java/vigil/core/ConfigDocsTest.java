package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configuration.md stays true: every key Config knows is documented, and its examples parse. */
class ConfigDocsTest {

    /** Documented ahead of the code that reads them (they land with another change). */
    static final List<String> DOCUMENTED_AHEAD = List.of("sanctions");

    static final Path DOC = Path.of("..", "docs", "configuration.md");
    static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\|[^|]*\\|[^|]*\\| `([^`]*)` \\|");

    /** The key of each row of the table, with its example. */
    static Map<String, String> rows() throws Exception {
        Matcher m = ROW.matcher(Files.readString(DOC));
        Map<String, String> out = new LinkedHashMap<>();
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void everyKnownKeyHasARow() throws Exception {
        Map<String, String> rows = rows();
        List<String> missing = new ArrayList<>(Config.knownKeys());
        missing.removeAll(rows.keySet());
        assertTrue(missing.isEmpty(), "keys missing from docs/configuration.md: " + missing);
    }

    @Test
    void everyRowIsAKnownKeyAndItsExampleParses(@TempDir Path dir) throws Exception {
        Map<String, String> rows = rows();
        assertTrue(rows.size() >= Config.knownKeys().size(), "the table was not read: " + rows.keySet());
        for (Map.Entry<String, String> row : rows.entrySet()) {
            String key = row.getKey();
            if (!Config.knownKeys().contains(key)) {
                assertTrue(DOCUMENTED_AHEAD.contains(key), "docs/configuration.md documents an unknown key: " + key);
                continue;
            }
            String example = row.getValue();
            int upper = 0;
            while (upper < key.length() && !Character.isUpperCase(key.charAt(upper))) {
                upper++;
            }
            String family = key.substring(0, upper); // vocabulary.FUNCTOR: the example sets vocabulary.something
            assertTrue(example.startsWith(family), key + ": the example sets another key: " + example);
            Path f = dir.resolve(key.replaceAll("\\W", "_") + ".properties");
            Files.writeString(f, example + "\n");
            assertDoesNotThrow(() -> Config.load(f), key + ": the example does not parse: " + example);
        }
    }

    @Test
    void theFileAtTheTopOfThePageParses(@TempDir Path dir) throws Exception {
        String doc = Files.readString(DOC);
        Matcher m = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/configuration.md shows a configuration file");
        Path f = dir.resolve("vigil.properties");
        Files.writeString(f, m.group(1));
        Config c = Config.load(f);
        assertTrue(c.watchRules());
        assertEquals("harvest", c.vocabulary().get("fish"));
    }
}
