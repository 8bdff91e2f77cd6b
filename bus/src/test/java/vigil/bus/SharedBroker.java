package vigil.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one broker the bus tests share: a test that takes a {@link KafkaBroker} parameter under
 * {@code @ExtendWith(SharedBroker.class)} gets the real KRaft broker of this test JVM, started by the first
 * test that asks (a child JVM, its data and log in a folder of its own) and killed when the last test is done.
 * Each test keeps to a society of its own ({@link KafkaBroker#bus(String)}: its own topics and consumer
 * group), so tests never see each other's events; a test that stops the broker starts it again before it ends.
 */
final class SharedBroker implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedBroker.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(Started.class, k -> Started.start(), Started.class).broker;
    }

    /** The broker and its folder, closed (killed, deleted) with the root context: after every test class. */
    private record Started(KafkaBroker broker, Path dir) implements AutoCloseable {

        static Started start() {
            try {
                Path dir = Files.createTempDirectory("vigil-broker");
                return new Started(KafkaBroker.start(dir), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the broker", e);
            }
        }

        @Override
        public void close() throws Exception {
            broker.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
