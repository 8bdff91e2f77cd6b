package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configuration.md stays true: its reference is the one the declarations generate, and its examples parse. */
class ConfigDocsTest {

    static final Path DOC = Path.of("..", "docs", "configuration.md");
    static final String BEGIN = "<!-- generated from the key declarations in Config.java (Config.reference()); ConfigDocsTest keeps it equal -->\n";
    static final String END = "<!-- end of generated reference -->";

    @Test
    void theReferenceIsTheOneTheDeclarationsGenerate() throws Exception {
        String doc = Files.readString(DOC);
        int from = doc.indexOf(BEGIN);
        int to = doc.indexOf(END);
        assertTrue(from >= 0 && to > from, "docs/configuration.md holds the generated reference between its markers");
        String written = doc.substring(from + BEGIN.length(), to);
        if (!written.equals(Config.reference())) {
            Path fresh = Path.of("target", "configuration-reference.md");
            Files.writeString(fresh, Config.reference());
            fail("docs/configuration.md's reference differs from the declarations in Config.java: replace the lines"
                    + " between its markers with " + fresh.toAbsolutePath());
        }
    }

    @Test
    void everyDeclaredExampleParsesAndSetsItsKey(@TempDir Path dir) throws Exception {
        for (Config.Key<?> k : Config.keys()) {
            String example = k.example();
            String family = k.isFamily() ? k.prefix() : k.name() + " ";
            assertTrue(example.startsWith(family), k + ": the example sets another key: " + example);
            Path f = dir.resolve(k.name().replaceAll("\\W", "_") + ".properties");
            Files.writeString(f, example + "\n");
            Config c = assertDoesNotThrow(() -> Config.load(f), k + ": the example does not parse: " + example);
            assertNotEquals(Config.defaults().describe(), c.describe(), k + ": the example changes nothing: " + example);
        }
    }

    @Test
    void everyDeclaredBuilderCallExists() {
        Pattern call = Pattern.compile("^\\.(\\w+)\\(");
        for (Config.Key<?> k : Config.keys()) {
            Matcher m = call.matcher(k.code());
            assertTrue(m.find(), k + ": the code column names a builder call: " + k.code());
            String name = m.group(1);
            assertTrue(Arrays.stream(Config.Builder.class.getMethods()).map(Method::getName).anyMatch(name::equals),
                    k + ": Config.Builder has no method " + name);
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
