package vigil.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.testing.RuleScenario;

/**
 * A project whose agents speak their own words: they grab(Thing) instead of steal, state view(Topic, Stance)
 * instead of opinion, and fish(Lake, Tonnes) instead of harvest(Amount). Renaming in the configuration file
 * covers the first two; the third has its arguments in another order, so a tiny mapping rule derives the
 * pack's harvest(Amount) from it.
 */
class VocabularyTest {

    static final String FISH_MAPPING = """
            package fishery.mapping;
            import vigil.core.*;

            rule "Our fish(Lake, Tonnes) is the commons pack's harvest(Tonnes)"
                @path("both")
            when
                $a : ActionEvent(action.functor == "fish", action.arity() == 2)
            then
                insertLogical(new ActionEvent($a.id(), $a.time(), $a.agent(), Term.struct("harvest", $a.action().arg(1))));
            end

            rule "What became of our fish(Lake, Tonnes) is what became of a harvest(Tonnes)"
                @path("watch")
            when
                $o : ActionOutcome(action.functor == "fish", action.arity() == 2)
            then
                insertLogical(new ActionOutcome($o.id(), $o.time(), $o.agent(), Term.struct("harvest", $o.action().arg(1)),
                        $o.attempt(), $o.result()));
            end
            """;

    @TempDir
    Path dir;

    Path config(String text) throws IOException {
        Path f = dir.resolve("vigil.properties");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void renamedFunctorsReachThePacks() throws IOException {
        RuleScenario.packs("harm", "influence")
                .configFile(config("""
                        vocabulary.grab = steal
                        vocabulary.view = opinion
                        """))
                .at(1_000).act("alice", "grab(wallet)")
                .at(2_000).tell("dan", "forum", "view(dam, against)")
                .at(3_000).tell("ann", "dan", "view(dam, for)")
                .at(4_000).tell("bea", "dan", "view(dam, for)")
                .at(5_000).tell("cyd", "dan", "view(dam, for)")
                .at(6_000).tell("dan", "forum", "view(dam, for)")
                .expect("Performing a forbidden action", "alice")
                .expect("Yielding to the majority without new evidence", "dan")
                .run();
    }

    @Test
    void withoutTheMappingTheProjectsWordsGoUnseen() throws IOException {
        RuleScenario.packs("harm", "commons")
                .configFile(config("params.commons.sustainable = 50\n"))
                .at(1_000).act("alice", "grab(wallet)")
                .at(2_000).act("alice", "fish(north_lake, 40)")
                .at(3_000).act("bob", "fish(north_lake, 30)")
                .expectNone()
                .run();
    }

    @Test
    void aMappingRuleFeedsTheCommonsPackFromArgumentsInAnotherOrder() throws IOException {
        RuleScenario.packs("commons")
                .with(FISH_MAPPING)
                .configFile(config("params.commons.sustainable = 50\n"))
                .at(1_000).act("alice", "fish(north_lake, 40)")
                .at(2_000).act("bob", "fish(north_lake, 15)")
                .expect("The group takes more than the commons can sustain", "alice")
                .run();
    }
}
