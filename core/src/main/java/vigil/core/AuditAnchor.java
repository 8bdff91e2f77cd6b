package vigil.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What a verifier can check outside the audit log: the sequence number and hash of the last record a
 * writer wrote when it closed the log, kept beside it in {@code <log>.anchor} (sealed like the records, so
 * with {@code audit.key} only the key's holder can make one). A log cut after an earlier close record, then
 * resumed or left as it is, no longer reaches its anchor. Keep a copy of the anchor elsewhere (the monitor
 * also says it in its close record's message) to guard against the file being removed with the log's tail.
 */
record AuditAnchor(long seq, String hash) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Path fileFor(Path log) {
        return log.resolveSibling(log.getFileName() + ".anchor");
    }

    /** Writes the anchor for {@code log} atomically (a temporary file moved over the old anchor). */
    static void write(Path log, AuditChain chain, long seq, String hash) throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("seq", seq);
        o.put("last", hash);
        Path tmp = log.resolveSibling(log.getFileName() + ".anchor.tmp");
        Files.writeString(tmp, chain.line(MAPPER.writeValueAsString(o)) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, fileFor(log), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The anchor beside {@code log}, or null when there is none. One that is there but cannot be trusted
     * throws {@link IllegalStateException} saying why.
     */
    static AuditAnchor read(Path log, byte[] key) {
        Path f = fileFor(log);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            String line = Files.readString(f, StandardCharsets.UTF_8).strip();
            String[] parts = AuditChain.split(line);
            JsonNode node = parts == null ? null : MAPPER.readTree(line);
            if (node == null || !node.path("seq").canConvertToLong() || !node.path("last").isTextual()) {
                throw new IllegalStateException("its anchor " + f.getFileName() + " is not an anchor");
            }
            if (!new AuditChain(key).seal(parts[0]).equals(parts[1])) {
                throw new IllegalStateException("its anchor " + f.getFileName() + " does not verify" + (key == null
                        ? " without a key (a keyed log's anchor needs the key)" : " with this key (edited, or made with another key)"));
            }
            return new AuditAnchor(node.get("seq").asLong(), node.get("last").asText());
        } catch (IOException e) {
            throw new IllegalStateException("its anchor " + f.getFileName() + " cannot be read: " + e.getMessage());
        }
    }
}
