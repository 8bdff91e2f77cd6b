package vigil.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test sources in a JVM of its own, so a test can kill it or limit its file sizes. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code main} with the test classpath. {@code maxFileKb} above 0 runs it under {@code ulimit -f}
     * (a file system that refuses to grow a file past that size, as a full disk does). What it prints goes to
     * {@code output}, a file, so that it survives the child being killed.
     */
    static Process start(Class<?> main, int maxFileKb, Path workDir, Path output, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xshare:off");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        if (maxFileKb > 0) {
            List<String> shell = new ArrayList<>(List.of("sh", "-c", "ulimit -f " + maxFileKb + " && exec \"$@\"", "child"));
            shell.addAll(cmd);
            cmd = shell;
        }
        return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output.toFile()).start();
    }
}
