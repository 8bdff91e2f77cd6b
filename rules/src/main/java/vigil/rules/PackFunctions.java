package vigil.rules;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vigil.core.Term;

/**
 * Reads list-valued pack parameters in rule conditions. A list parameter is a comma list written in the
 * configuration file ({@code params.harm.forbidden = attack, steal, poison}); the rule substitutes it into a
 * string and asks {@code listed("${forbidden}", action.functor)}. Lists are split once and cached, so the
 * test costs a hash lookup. Thread-safe.
 */
public final class PackFunctions {

    private static final Map<String, Set<String>> LISTS = new ConcurrentHashMap<>();

    private PackFunctions() {
    }

    /** The words of a comma list, trimmed, empty entries dropped. */
    public static Set<String> words(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return LISTS.computeIfAbsent(list, l -> {
            Set<String> out = new LinkedHashSet<>();
            for (String w : l.split(",")) {
                if (!w.isBlank()) {
                    out.add(w.strip());
                }
            }
            return Collections.unmodifiableSet(out);
        });
    }

    /** Whether {@code word} is one of the list's words. */
    public static boolean listed(String list, String word) {
        return word != null && words(list).contains(word);
    }

    /** Whether the list is empty, which packs read as "no restriction" or "everyone", as each documents. */
    public static boolean none(String list) {
        return words(list).isEmpty();
    }

    /** Whether the term carries an annotation named in the list, e.g. {@code [personal]}. */
    public static boolean annotatedWithAny(String list, Term t) {
        if (t == null) {
            return false;
        }
        for (Term a : t.annotations()) {
            if (words(list).contains(a.functor())) {
                return true;
            }
        }
        return false;
    }
}
