package vigil.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vigil.core.AuditTrail.Report;
import vigil.core.AuditTrail.Status;
import vigil.core.AuditTrail.Stop;

/**
 * Checks an audit log's hash chain and names the first line that breaks it. A log is {@link Status#INTACT}
 * when every record verifies and the last one is a {@code close}; {@link Status#UNFINISHED} when every
 * record verifies but the log stops without a close (the writer was killed, or records were cut off the
 * end, or its last line is a record the writer was killed while writing); {@link Status#BROKEN} when a line is edited, removed, inserted, reordered or incomplete.
 */
final class AuditVerifier {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditVerifier() {
    }

    /**
     * Checks the chain of the log at {@code file} with {@code key} (null for a log that is not keyed), and
     * the log's anchor ({@link AuditAnchor}) when there is one beside it. Each line is checked as the bytes
     * written: a byte that is not UTF-8 breaks the line, it never stands in for another character.
     */
    static Report verify(Path file, byte[] key) throws IOException {
        AuditChain chain = new AuditChain(key);
        String prev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long lineNo = 0;
        String lastKind = null;
        boolean keyed = key != null && key.length > 0;
        List<Stop> abrupt = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        AuditAnchor anchor;
        String anchorProblem = null;
        try {
            anchor = AuditAnchor.read(file, key);
        } catch (IllegalStateException e) {
            anchorProblem = e.getMessage();
            anchor = null;
        }
        String anchoredHash = null;
        boolean endsWithNewline = endsWithNewline(file);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] bytes;
            while ((bytes = readLine(in)) != null) {
                lineNo++;
                boolean last = !endsWithNewline && peekEnd(in);
                String line;
                try {
                    line = strict.decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    if (last) {
                        return new Report(file, Status.UNFINISHED, lineNo - 1, lineNo, "a half-written record: the writer"
                                + " stopped while writing it (a restart of the monitor cuts it off and continues the chain)",
                                abrupt, keyed, notes);
                    }
                    return broken(file, lineNo, "bytes that are not UTF-8 text (the record was damaged or edited)", abrupt, keyed, notes);
                }
                String[] parts = AuditChain.split(line);
                JsonNode node = null;
                try {
                    node = parts == null ? null : MAPPER.readTree(line);
                } catch (IOException e) {
                    node = null;
                }
                if (node == null || !node.isObject()) {
                    if (last) {
                        return new Report(file, Status.UNFINISHED, lineNo - 1, lineNo, "a half-written record: the writer"
                                + " stopped while writing it (a restart of the monitor cuts it off and continues the chain)",
                                abrupt, keyed, notes);
                    }
                    return broken(file, lineNo, "not a complete audit record (cut short or edited)", abrupt, keyed, notes);
                }
                if (!chain.seal(parts[0]).equals(parts[1])) {
                    boolean saysKeyed = node.path("keyed").asBoolean(false);
                    String problem;
                    if (key == null && saysKeyed) {
                        problem = "this log is keyed (HMAC-SHA-256, its open record says so): verify it with its key"
                                + " (audit.key, or --key)";
                    } else if (key != null && lineNo == 1 && node.path("kind").asText().equals("open") && !saysKeyed
                            && new AuditChain(null).seal(parts[0]).equals(parts[1])) {
                        problem = "this log is not keyed (plain SHA-256), but a key was given";
                    } else {
                        problem = key == null ? "the record's hash does not match its contents (the record was edited)"
                                : "the record's seal does not match its contents (edited, or sealed with another key)";
                    }
                    return broken(file, lineNo, problem, abrupt, keyed, notes);
                }
                if (!prev.equals(node.path("prev").asText())) {
                    return broken(file, lineNo, lineNo == 1
                            ? "the log does not start at its first record (records before it were removed)"
                            : "this record does not follow line " + (lineNo - 1)
                                    + " (a record was removed, inserted or reordered)", abrupt, keyed, notes);
                }
                if (node.path("seq").asLong() != expectedSeq) {
                    return broken(file, lineNo, "sequence number " + node.path("seq").asLong() + " where "
                            + expectedSeq + " was due", abrupt, keyed, notes);
                }
                String kind = node.path("kind").asText();
                if (kind.equals("open") && lastKind != null && !lastKind.equals("close")) {
                    abrupt.add(new Stop(lineNo - 1, node.path("cut").asLong(0)));
                }
                if (anchor != null && expectedSeq == anchor.seq()) {
                    anchoredHash = parts[1];
                }
                lastKind = kind;
                prev = parts[1];
                expectedSeq++;
            }
        }
        if (anchorProblem != null) {
            if (keyed) {
                // The chain verifies with the key, so whoever made this anchor did not hold it.
                return new Report(file, Status.BROKEN, lineNo, 0, anchorProblem, abrupt, keyed, notes);
            }
            notes.add(anchorProblem + ": ignored");
        }
        if (anchor != null) {
            if (anchoredHash == null) {
                return new Report(file, Status.BROKEN, lineNo, lineNo + 1, "the log ends at record " + lineNo + ", but its anchor "
                        + AuditAnchor.fileFor(file).getFileName() + " says record " + anchor.seq() + " was written: records were"
                        + " cut off the end", abrupt, keyed, notes);
            }
            if (!anchoredHash.equals(anchor.hash())) {
                return new Report(file, Status.BROKEN, anchor.seq() - 1, anchor.seq(), "record " + anchor.seq()
                        + " is not the one its anchor " + AuditAnchor.fileFor(file).getFileName() + " names (the log was"
                        + " cut and written again, or replaced)", abrupt, keyed, notes);
            }
            notes.add("matches its anchor " + AuditAnchor.fileFor(file).getFileName() + " (record " + anchor.seq() + ")");
        } else if (keyed) {
            notes.add("no anchor beside the log (" + AuditAnchor.fileFor(file).getFileName() + "): records cut off after a"
                    + " close record could not be told; keep the anchor the log prints at close");
        }
        Status status = "close".equals(lastKind) ? Status.INTACT : Status.UNFINISHED;
        return new Report(file, status, lineNo, 0, "", abrupt, keyed, notes);
    }

    /** The next line's bytes without its line break, or null at the end. */
    private static byte[] readLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(256);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            buf.write(b);
            b = in.read();
        }
        return buf.toByteArray();
    }

    /** Whether the stream is at its end (it is marked and reset, so nothing is consumed). */
    private static boolean peekEnd(InputStream in) throws IOException {
        in.mark(1);
        int b = in.read();
        in.reset();
        return b < 0;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return true;
        }
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }

    private static Report broken(Path file, long line, String problem, List<Stop> abrupt, boolean keyed, List<String> notes) {
        return new Report(file, Status.BROKEN, line - 1, line, problem, abrupt, keyed, notes);
    }
}
