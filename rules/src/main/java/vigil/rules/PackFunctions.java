package vigil.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import vigil.core.Event;
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

    private static final Map<Class<?>, java.lang.reflect.Method> AGENT_GETTERS = new ConcurrentHashMap<>();

    /**
     * The agents of what a rule collected, sorted and each once: the acting agent of each event (the sender of
     * a message), or the {@code agent} field of each fact a pack declares ({@code declare Flip agent : String}).
     * For {@code List(agents(this).size() >= 3) from collect(...)} and for naming the offenders.
     */
    public static Set<String> agents(Collection<?> items) {
        Set<String> out = new TreeSet<>();
        for (Object o : items) {
            if (o instanceof Event e) {
                out.add(e.agent());
            } else if (o != null) {
                java.lang.reflect.Method getter = AGENT_GETTERS.computeIfAbsent(o.getClass(), c -> {
                    for (String name : new String[] {"getAgent", "agent"}) {
                        try {
                            return c.getMethod(name);
                        } catch (NoSuchMethodException ex) {
                            // a declared type has getAgent(), a record agent()
                        }
                    }
                    throw new IllegalArgumentException(c.getName() + " has no agent field to collect");
                });
                try {
                    out.add(String.valueOf(getter.invoke(o)));
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException("could not read the agent of " + o, ex);
                }
            }
        }
        return out;
    }
}
