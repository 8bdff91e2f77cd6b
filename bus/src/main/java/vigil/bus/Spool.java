package vigil.bus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bounded on-disk queue between a JVM's gate and the bus: every event is appended here first (agents'
 * threads), and the sender reads it back in order and marks what the bus has acknowledged. So an event
 * survives a bus outage and a crash of the JVM, and a restarted JVM with the same folder sends what was left.
 * Records are numbered from 0 for the life of the folder; they live in segment files of {@link #SEGMENT}
 * records named by their first number, deleted once acknowledged. The folder holds a lock: a second JVM
 * pointed at the same folder takes the next free one ({@code spool-2}, ...).
 */
final class Spool implements AutoCloseable {

    static final int SEGMENT = 10_000;
    private static final String SUFFIX = ".spool";

    /** One record read back: its number, its key (the agent) and its value (the envelope's JSON). */
    record Entry(long seq, String key, String value) {
    }

    private final Path dir;
    private final int capacity;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path ackedFile;
    /** Number of the next record appended. Guarded by this. */
    private long next;
    /** Number of the first record not yet acknowledged. */
    private volatile long acked;
    private long ackedOnDisk;
    private OutputStream out;
    private long outSegment = -1;
    private boolean dirty;

    // The reader's state: touched by the sender thread only.
    private FileChannel in;
    private long inSegment = -1;
    private long inSeq;
    private long inPos;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    private Spool(Path dir, int capacity, FileChannel lockChannel, FileLock lock) throws IOException {
        this.dir = dir;
        this.capacity = capacity;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.ackedFile = dir.resolve("acked");
        recover();
    }

    /** Opens the spool in {@code base}, or in the first of {@code base-2}, {@code base-3} ... that no other JVM holds. */
    static Spool open(Path base, int capacity) {
        for (int n = 1; n < 1000; n++) {
            Path dir = n == 1 ? base : base.resolveSibling(base.getFileName() + "-" + n);
            try {
                Files.createDirectories(dir);
                FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    ch.close();
                    continue;
                }
                return new Spool(dir, capacity, ch, l);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the bus spool " + dir + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no free bus spool folder next to " + base);
    }

    Path dir() {
        return dir;
    }

    private void recover() throws IOException {
        acked = Files.exists(ackedFile) ? Long.parseLong(Files.readString(ackedFile).trim()) : 0;
        ackedOnDisk = acked;
        List<Long> segments = segments();
        if (segments.isEmpty()) {
            next = acked;
            inSeq = acked;
            return;
        }
        long last = segments.get(segments.size() - 1);
        Path file = segment(last);
        // Count the complete records of the last segment; a record half-written by a killed JVM is cut off.
        byte[] bytes = Files.readAllBytes(file);
        int lines = 0;
        int end = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines++;
                end = i + 1;
            }
        }
        if (end < bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
        }
        next = last + lines;
        if (acked > next) {
            acked = next;
        }
        if (acked < segments.get(0)) {
            acked = segments.get(0);
        }
        inSeq = acked;
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> Long.parseLong(n.substring(0, n.length() - SUFFIX.length()))).sorted().toList();
        }
    }

    private Path segment(long base) {
        return dir.resolve(String.format("%016d%s", base, SUFFIX));
    }

    /** Records waiting for the bus (appended, not yet acknowledged). */
    synchronized long waiting() {
        return next - acked;
    }

    int capacity() {
        return capacity;
    }

    /**
     * Appends one record; false when the spool is full ({@code capacity} records not yet acknowledged).
     * Called by agents' threads.
     */
    synchronized boolean append(String key, String value) {
        if (next - acked >= capacity) {
            return false;
        }
        try {
            long base = next - next % SEGMENT;
            if (base != outSegment) {
                if (out != null) {
                    out.close();
                }
                out = new BufferedOutputStream(Files.newOutputStream(segment(base), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND), 1 << 16);
                outSegment = base;
            }
            out.write(key.replace('\t', ' ').replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
            out.write('\t');
            out.write(value.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            dirty = true;
            next++;
            notifyAll();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bus spool " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Waits up to {@code millis} until a record numbered {@code seq} or later exists. */
    synchronized boolean awaitAppended(long seq, long millis) throws InterruptedException {
        if (next <= seq && millis > 0) {
            wait(millis);
        }
        return next > seq;
    }

    /** Writes what was appended out of the buffer into the spool's file (not forced to the disk). */
    void flush() throws IOException {
        flushed();
    }

    private synchronized long flushed() throws IOException {
        if (dirty) {
            out.flush();
            dirty = false;
        }
        return next;
    }

    /** Reads up to {@code max} records from number {@code from} on, in order (the sender thread only). */
    List<Entry> read(long from, int max) throws IOException {
        long limit = flushed();
        List<Entry> got = new ArrayList<>();
        if (from != inSeq) {
            seek(from);
        }
        while (got.size() < max && inSeq < limit) {
            long base = inSeq - inSeq % SEGMENT;
            if (base != inSegment) {
                openSegment(base);
                inPos = 0;
                // Skip the records before inSeq in this segment.
                long skip = inSeq - base;
                inSeq = base;
                while (inSeq < base + skip) {
                    if (readLine() == null) {
                        throw new IOException("the spool segment " + segment(base) + " ends early");
                    }
                    inSeq++;
                }
                continue;
            }
            String line = readLine();
            if (line == null) {
                break;
            }
            int tab = line.indexOf('\t');
            got.add(new Entry(inSeq, line.substring(0, tab), line.substring(tab + 1)));
            inSeq++;
        }
        return got;
    }

    private void seek(long seq) throws IOException {
        closeReader();
        inSeq = seq;
    }

    private void openSegment(long base) throws IOException {
        closeReader();
        in = FileChannel.open(segment(base), StandardOpenOption.READ);
        inSegment = base;
        buffer.clear().flip();
    }

    /** The next complete line of the open segment, or null when none is complete yet. */
    private String readLine() throws IOException {
        while (true) {
            for (int i = buffer.position(); i < buffer.limit(); i++) {
                if (buffer.get(i) == '\n') {
                    int len = i - buffer.position();
                    byte[] b = new byte[len];
                    buffer.get(b);
                    buffer.get();
                    inPos += len + 1;
                    return new String(b, StandardCharsets.UTF_8);
                }
            }
            // No complete line buffered: read more after what is buffered.
            if (buffer.remaining() == buffer.capacity()) {
                throw new IOException("a spool record longer than " + buffer.capacity() + " bytes");
            }
            buffer.compact();
            int n = in.read(buffer, inPos + buffer.position());
            buffer.flip();
            if (n <= 0) {
                return null;
            }
        }
    }

    private void closeReader() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
        inSegment = -1;
        inPos = 0;
        buffer.clear().flip();
    }

    /** Everything numbered below {@code seq} has been acknowledged by the bus. */
    void acknowledge(long seq) {
        if (seq > acked) {
            acked = seq;
            synchronized (this) {
                notifyAll();
            }
        }
    }

    long acked() {
        return acked;
    }

    /** Writes the acknowledged position and deletes the segments wholly acknowledged (the sender thread). */
    void checkpoint() throws IOException {
        long a = acked;
        if (a == ackedOnDisk) {
            return;
        }
        Path tmp = dir.resolve("acked.tmp");
        Files.writeString(tmp, Long.toString(a));
        Files.move(tmp, ackedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ackedOnDisk = a;
        for (long base : segments()) {
            if (base + SEGMENT <= a && base != outSegment && base != inSegment) {
                Files.deleteIfExists(segment(base));
            }
        }
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (out != null) {
                    out.close();
                    out = null;
                }
                outSegment = -1;
            }
            closeReader();
            checkpoint();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the bus spool " + dir + ": " + e.getMessage(), e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // The lock goes with the process anyway.
            }
        }
    }
}
