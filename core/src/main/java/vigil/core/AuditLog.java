package vigil.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;

/**
 * The append-only JSONL audit log. Each line is one record: {@code seq}, {@code kind}, {@code time}, the
 * alert's fields, {@code prev} (the previous record's hash) and {@code hash}, so that an edited, removed or
 * reordered record is found by {@link AuditVerifier}. The log opens with an {@code open} record and a clean
 * shutdown ends it with a {@code close} record; a restart appends to the same chain, first cutting off a
 * record that a killed writer left half-written (and saying so in the new {@code open} record).
 *
 * <p>{@link #accept} writes and flushes the record before returning, so the record exists before the
 * sanction it describes takes effect. Thread-safe; writers are serialised.
 *
 * <p>Writes go through a {@link RandomAccessFile}, not a {@code FileChannel}: Jason interrupts agent threads
 * (and {@link #accept} runs in them), and an interrupt during a channel write closes the channel for good.
 * A write that fails part-way (a full disk) is cut back off the file, so the next record continues the
 * chain from the last complete one.
 */
final class AuditLog implements AlertSink {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final AuditChain chain;
    private final byte[] chainKey;
    private final boolean sync;
    private RandomAccessFile out;
    /** Where the last complete record ends: the next record is written here. */
    private long end;
    /** A failed write may have left bytes after {@link #end} that could not be cut yet. */
    private boolean dirty;
    /** Bytes of a half-written record cut off when this log resumed (0 when none). */
    private long cut;
    private long seq;
    private String prev = AuditChain.GENESIS;
    private boolean closed;

    /**
     * Opens (or continues) the log at {@code file}. {@code key} enables HMAC sealing (null for plain
     * SHA-256); {@code sync} forces each record to the disk, not just to the operating system.
     */
    public AuditLog(Path file, byte[] key, boolean sync) {
        this.file = file;
        this.chain = new AuditChain(key);
        this.chainKey = key == null || key.length == 0 ? null : key.clone();
        this.sync = sync;
        try {
            open();
        } catch (IOException e) {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // Already failing: the error that matters is the one reported below.
                }
            }
            throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String note = "log started";
        cut = 0;
        if (Files.exists(file) && Files.size(file) > 0) {
            note = resume();
        }
        out = new RandomAccessFile(file.toFile(), "rw");
        end = out.length();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", "open");
        o.put("time", System.currentTimeMillis());
        o.put("message", note);
        o.put("keyed", chain.keyed());
        if (cut > 0) {
            o.put("cut", cut);
        }
        append(o);
    }

    /** Finds the last complete record of an existing log, cutting off a half-written one. */
    private String resume() throws IOException {
        String note = "log resumed";
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long len = raf.length();
            long complete = len;
            raf.seek(len - 1);
            if (raf.read() != '\n') {
                long lastNewline = lastNewlineBefore(raf, len);
                byte[] tail = new byte[(int) Math.min(len - lastNewline - 1, 16 << 20)];
                raf.seek(lastNewline + 1);
                raf.readFully(tail);
                if (isRecord(tail)) {
                    // A whole record whose line break was lost: the verifier accepts it, so it is kept.
                    raf.seek(len);
                    raf.write('\n');
                    complete = len + 1;
                } else {
                    complete = lastNewline + 1;
                    raf.setLength(complete);
                    cut = len - complete;
                    note = "log resumed; cut " + (len - complete) + " bytes of a record left incomplete by an abrupt stop";
                }
            }
            if (complete == 0) {
                return note;
            }
            long start = lastNewlineBefore(raf, complete - 1) + 1;
            byte[] last = new byte[(int) (complete - 1 - start)];
            raf.seek(start);
            raf.readFully(last);
            String line = new String(last, StandardCharsets.UTF_8);
            String[] parts = AuditChain.split(line);
            JsonNode node = parts == null ? null : readOrNull(line);
            if (node == null || !node.has("seq")) {
                raf.close();
                Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                moveAnchor(aside);
                return "previous log was damaged at its complete and was moved to " + aside.getFileName()
                        + " untouched; new chain started";
            }
            seq = node.get("seq").asLong();
            prev = parts[1];
            String behind = behindAnchor();
            if (behind != null) {
                raf.close();
                seq = 0;
                prev = AuditChain.GENESIS;
                Path aside = file.resolveSibling(file.getFileName() + ".cut-" + System.currentTimeMillis());
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                moveAnchor(aside);
                return "previous log " + behind + "; it was moved to " + aside.getFileName() + " untouched; new chain started";
            }
        }
        return note;
    }

    /** A log moved aside takes its anchor along: the new chain starts without one. */
    private void moveAnchor(Path aside) throws IOException {
        Path anchor = AuditAnchor.fileFor(file);
        if (Files.exists(anchor)) {
            Files.move(anchor, AuditAnchor.fileFor(aside), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Why the log's last record falls short of its anchor (records were cut off), or null when it does not. */
    private String behindAnchor() {
        try {
            AuditAnchor a = AuditAnchor.read(file, chain.keyed() ? chainKey : null);
            if (a != null && a.seq() > seq) {
                return "ends at record " + seq + ", but its anchor says record " + a.seq() + " was written: records were cut off";
            }
            return null;
        } catch (IllegalStateException e) {
            return "cannot be resumed: " + e.getMessage();
        }
    }

    /** Whether the bytes are one whole record of this chain (a line that only lost its line break). */
    private boolean isRecord(byte[] bytes) {
        try {
            String line = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            String[] parts = AuditChain.split(line);
            return parts != null && readOrNull(line) != null && chain.seal(parts[0]).equals(parts[1]);
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static long lastNewlineBefore(RandomAccessFile raf, long pos) throws IOException {
        long p = pos - 1;
        byte[] buf = new byte[8192];
        while (p >= 0) {
            long from = Math.max(0, p - buf.length + 1);
            int n = (int) (p - from + 1);
            raf.seek(from);
            raf.readFully(buf, 0, n);
            for (int i = n - 1; i >= 0; i--) {
                if (buf[i] == '\n') {
                    return from + i;
                }
            }
            p = from - 1;
        }
        return -1;
    }

    private static JsonNode readOrNull(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void accept(Alert alert) throws IOException {
        append(AlertJson.toNode(alert));
    }

    /** Appends one record built from {@code fields}; returns its sequence number. */
    public synchronized long append(ObjectNode fields) throws IOException {
        if (closed) {
            throw new IOException("the audit log " + file + " is closed");
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("seq", seq + 1);
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getKey().equals("seq") && !f.getKey().equals("prev") && !f.getKey().equals("hash")) {
                o.set(f.getKey(), f.getValue());
            }
        }
        o.put("prev", prev);
        String line = chain.line(MAPPER.writeValueAsString(o));
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (dirty) {
                out.setLength(end);
                dirty = false;
            }
            out.seek(end);
            out.write(bytes);
            if (sync) {
                out.getFD().sync();
            }
        } catch (IOException e) {
            cutBack();
            throw new IOException("cannot write to the audit log " + file + ": " + e.getMessage()
                    + "; the record was not written (the " + seq + " records before it are kept)", e);
        }
        end += bytes.length;
        seq++;
        prev = AuditChain.split(line)[1];
        return seq;
    }

    /** Removes what a failed write left after the last complete record, now or before the next write. */
    private void cutBack() {
        try {
            if (out.length() > end) {
                out.setLength(end);
            }
            dirty = false;
        } catch (IOException e) {
            dirty = true;
        }
    }

    /** Writes the {@code close} record and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("kind", "close");
            o.put("time", System.currentTimeMillis());
            o.put("message", "log closed after " + seq + " records");
            append(o);
            AuditAnchor.write(file, chain, seq, prev);
        } finally {
            closed = true;
            out.close();
        }
    }
}
