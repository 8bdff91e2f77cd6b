package vigil.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * The sanction kinds registered for a class loader ({@code META-INF/services/vigil.core.SanctionKind}, Vigil's
 * own included), by word, and the parser of a sanction's text form. Found once per class loader; thread-safe.
 */
final class SanctionKinds {

    private static final Map<ClassLoader, SanctionKinds> BY_LOADER = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, SanctionKind> byWord;

    private SanctionKinds(Map<String, SanctionKind> byWord) {
        this.byWord = byWord;
    }

    /** The loader of the compilation running on this thread ({@link #with}); null outside one. */
    private static final ThreadLocal<ClassLoader> COMPILING = new ThreadLocal<>();

    /** The loader whose kinds a sanction's text is read with: the compilation's, else the thread's context loader. */
    static ClassLoader contextLoader() {
        ClassLoader l = COMPILING.get();
        if (l == null) {
            l = Thread.currentThread().getContextClassLoader();
        }
        return l != null ? l : SanctionKinds.class.getClassLoader();
    }

    /**
     * Runs {@code work} (a compilation) so that the sanctions its rules name are looked up among the kinds
     * {@code loader} sees. The thread's context class loader is left alone (Drools defines classes with it).
     */
    static <T> T with(ClassLoader loader, java.util.function.Supplier<T> work) {
        ClassLoader before = COMPILING.get();
        COMPILING.set(loader);
        try {
            return work.get();
        } finally {
            if (before == null) {
                COMPILING.remove();
            } else {
                COMPILING.set(before);
            }
        }
    }

    static SanctionKinds of(ClassLoader loader) {
        ClassLoader l = loader != null ? loader : SanctionKinds.class.getClassLoader();
        return BY_LOADER.computeIfAbsent(l, SanctionKinds::load);
    }

    private static SanctionKinds load(ClassLoader loader) {
        Map<String, SanctionKind> byWord = new TreeMap<>();
        // Vigil's own kinds are always there, whatever the loader sees (one that hides the class path, say).
        ClassLoader own = SanctionKinds.class.getClassLoader();
        List<SanctionKind> found = new java.util.ArrayList<>();
        try {
            ServiceLoader.load(SanctionKind.class, own).forEach(found::add);
            if (loader != own) {
                ServiceLoader.load(SanctionKind.class, loader).forEach(found::add);
            }
            for (SanctionKind k : found) {
                SanctionKind before = byWord.putIfAbsent(k.word().toLowerCase(Locale.ROOT), k);
                if (before != null && before.getClass() != k.getClass()) {
                    throw new IllegalStateException("two sanction kinds use the word '" + k.word() + "': "
                            + before.getClass().getName() + " and " + k.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a sanction kind could not be loaded: " + e.getMessage(), e);
        }
        return new SanctionKinds(byWord);
    }

    /** Parses one sanction, {@code word [args...]}; an unknown word lists the known forms. */
    Sanction parse(String text) {
        List<String> w = Arrays.asList(text.trim().split("\\s+"));
        SanctionKind kind = byWord.get(w.get(0).toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new IllegalArgumentException("unknown sanction '" + text.trim() + "' (expected "
                    + String.join(", ", byWord.values().stream().map(SanctionKind::form).map(f -> f.replaceAll(" \\(.*", "")).toList())
                    + ")");
        }
        return kind.parse(w.subList(1, w.size()));
    }
}
