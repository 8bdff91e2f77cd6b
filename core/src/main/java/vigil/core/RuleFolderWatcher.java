package vigil.core;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rules when a {@code .drl} file changes in a watched folder (and its sub-folders). Changes
 * that arrive together (an editor's save writes several times) cause one reload, 300 ms after the last.
 */
final class RuleFolderWatcher implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);
    private static final long QUIET_MS = 300;

    private final WatchService service;
    private final Runnable reload;
    private final Thread thread;

    private RuleFolderWatcher(WatchService service, Runnable reload) {
        this.service = service;
        this.reload = reload;
        this.thread = new Thread(this, "vigil-rule-watcher");
        thread.setDaemon(true);
    }

    static RuleFolderWatcher start(List<Path> folders, Runnable reload) {
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            for (Path f : folders) {
                register(ws, f);
            }
            RuleFolderWatcher w = new RuleFolderWatcher(ws, reload);
            w.thread.start();
            return w;
        } catch (IOException e) {
            LOG.error("cannot watch the rule folders {} for changes: {}; reload with the reload call instead", folders, e.toString());
            return null;
        }
    }

    private static void register(WatchService ws, Path folder) throws IOException {
        try (Stream<Path> dirs = Files.walk(folder)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean relevant = drainKey(key);
                // Wait until the folder has been quiet for a while, collecting further changes.
                WatchKey more;
                while ((more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drainKey(more);
                }
                if (relevant) {
                    try {
                        reload.run();
                    } catch (RuntimeException e) {
                        LOG.error("reloading the rules failed", e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private boolean drainKey(WatchKey key) {
        boolean relevant = false;
        for (var ev : key.pollEvents()) {
            Object ctx = ev.context();
            if (ctx == null || ctx.toString().endsWith(".drl")) {
                relevant = true;
            } else if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path dir
                    && Files.isDirectory(dir.resolve(ctx.toString()))) {
                // A new sub-folder: watch it too, and reload for the rule files it may already hold.
                try {
                    register(service, dir.resolve(ctx.toString()));
                    relevant = true;
                } catch (IOException e) {
                    LOG.error("cannot watch the new rule folder {}: {}", dir.resolve(ctx.toString()), e.toString());
                }
            }
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the rule watcher: {}", e.toString());
        }
        thread.interrupt();
    }
}
