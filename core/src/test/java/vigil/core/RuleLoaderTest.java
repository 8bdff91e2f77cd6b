package vigil.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is read as rules: .drl files in any case, and nothing else (a README is not parsed as DRL). */
class RuleLoaderTest {

    @Test
    void aFolderGivesItsDrlFilesWhateverTheCaseOfTheirEnding(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.drl"), "package a;");
        Files.writeString(dir.resolve("draft.DRL"), "package b;");
        Files.writeString(dir.resolve("README.md"), "# notes");
        assertEquals(2, RuleSource.from(dir).size(), RuleSource.from(dir).toString());
    }

    @Test
    void aFileThatIsNotDrlIsAnErrorNotParsedAsRules(@TempDir Path dir) throws Exception {
        Path readme = Files.writeString(dir.resolve("README.md"), "# Rules\n\nSome `markdown`.\n");
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> RuleSource.from(readme));
        assertEquals(readme + ": not a rule file: rule files end in .drl (give the file, or the folder that holds them)",
                e.errors().get(0).toString());
    }
}
