package vigil.jacamo.run;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The class loader a MAS runs in: the platform (Jason, and JaCaMo's jars when given), Vigil's architecture and
 * the project's classes and jars, so that what Jason and JaCaMo load by name ({@code Class.forName}: the
 * environment, agent classes, architectures, internal actions, artifacts) resolves to the project's classes.
 * The platform and Vigil's Jason side are loaded here first, each run afresh (Jason keeps static state);
 * Vigil's core, the JDK and SLF4J come from the parent, shared with the command that started the run.
 */
public final class MasClassLoader extends URLClassLoader {

    /** Packages whose classes this loader defines itself when it has them (child first). */
    private static final List<String> OWN = List.of("jason.", "jade.", "jacamo.", "cartago.", "jaca.", "moise.", "npl.",
            "ora4mas.", "sai.", "vigil.jacamo.");
    /** Types that cross between the command and the MAS: always the parent's. */
    private static final Set<String> SHARED = Set.of(MasSession.class.getName(), ProjectException.class.getName(),
            ProjectBuild.class.getName(), MasClassLoader.class.getName(), "vigil.jacamo.MasMonitor$Traffic");
    /** Never from the project: the JDK, SLF4J (one binding) and Vigil's core (one monitor). */
    private static final List<String> PARENT = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.",
            "org.xml.", "org.slf4j.", "vigil.core.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    MasClassLoader(List<URL> urls, ClassLoader parent) {
        super("vigil-mas", urls.toArray(URL[]::new), parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && own(name)) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    // Not among ours: the parent's.
                }
            }
            if (c == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        if (own(name.replace('/', '.'))) {
            URL u = findResource(name);
            if (u != null) {
                return u;
            }
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!own(name.replace('/', '.'))) {
            return super.getResources(name);
        }
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        for (URL u : Collections.list(getParent().getResources(name))) {
            if (!all.contains(u)) {
                all.add(u);
            }
        }
        return Collections.enumeration(all);
    }

    private static boolean own(String name) {
        if (SHARED.contains(name)) {
            return false;
        }
        for (String p : PARENT) {
            if (name.startsWith(p)) {
                return false;
            }
        }
        for (String p : OWN) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        // Vigil's internal actions for agents (package vigil) link to Jason.
        return name.startsWith("vigil.") && name.indexOf('.', "vigil.".length()) < 0;
    }
}
