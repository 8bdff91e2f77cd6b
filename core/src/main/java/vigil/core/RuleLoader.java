package vigil.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds rule files. On the classpath, a rule pack is any root holding {@code META-INF/kmodule.xml}, as for
 * any KIE module; its {@code .drl} files are read in path order. On disk, a file is read as it is and a
 * folder is searched for {@code .drl} files, recursively, in path order.
 */
final class RuleLoader {

    private RuleLoader() {
    }

    /** Every DRL file of every KIE module on the classpath of {@code loader}. */
    public static List<RuleSource> fromClasspath(ClassLoader loader) {
        List<RuleSource> out = new ArrayList<>();
        try {
            Enumeration<URL> modules = loader.getResources("META-INF/kmodule.xml");
            while (modules.hasMoreElements()) {
                out.addAll(fromModule(modules.nextElement()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classpath rule packs: " + e.getMessage(), e);
        }
        return out;
    }

    private static List<RuleSource> fromModule(URL kmodule) throws IOException {
        URI uri;
        try {
            uri = kmodule.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad classpath URL " + kmodule, e);
        }
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            boolean opened = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                Path root = fs.getPath("/");
                return readTree(root, "classpath:");
            } finally {
                if (opened) {
                    fs.close();
                }
            }
        }
        Path root = Paths.get(uri).getParent().getParent();
        return readTree(root, "classpath:");
    }

    private static List<RuleSource> readTree(Path root, String prefix) throws IOException {
        List<RuleSource> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl") && Files.isRegularFile(f)).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                out.add(new RuleSource(prefix + rel, Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /**
     * The DRL files at a path: the file itself, or every {@code .drl} (in any case) below a folder. A missing
     * path, a file that is not {@code .drl} (a README, say) or a folder without rules is an error in the user's terms.
     */
    public static List<RuleSource> fromPath(Path path) {
        try {
            if (Files.isDirectory(path)) {
                List<RuleSource> out = new ArrayList<>();
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path p : files.filter(f -> isDrl(f) && Files.isRegularFile(f)).sorted().toList()) {
                        out.add(new RuleSource(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
                    }
                }
                if (out.isEmpty()) {
                    throw new RuleCompilationException(List.of(new RuleError(path.toString(), 0,
                            "no .drl rule files in this folder")));
                }
                return out;
            }
            if (Files.exists(path) && !isDrl(path)) {
                throw new RuleCompilationException(List.of(new RuleError(path.toString(), 0,
                        "not a rule file: rule files end in .drl (give the file, or the folder that holds them)")));
            }
            return List.of(new RuleSource(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            throw new RuleCompilationException(List.of(new RuleError(path.toString(), 0, "no such file or folder")));
        } catch (IOException e) {
            throw new RuleCompilationException(List.of(new RuleError(path.toString(), 0, "cannot read: " + e.getMessage())));
        }
    }

    /** Whether the file is a DRL file by its name: {@code .drl} in any case ({@code draft.DRL} too). */
    static boolean isDrl(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".drl");
    }

    /** Reads a classpath resource as one rule source (for tests and embedded rules). */
    public static RuleSource resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new RuleCompilationException(List.of(new RuleError("classpath:" + name, 0, "no such resource")));
            }
            return new RuleSource("classpath:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
