package vigil.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How each audit record is sealed: SHA-256 of the record's text (which holds the previous record's hash),
 * or HMAC-SHA-256 with a secret key when one is configured, so that whoever can edit the file but does not
 * hold the key cannot forge a record that verifies.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final String HASH_SUFFIX_START = ",\"hash\":\"";

    private final byte[] key;

    AuditChain(byte[] key) {
        this.key = key == null || key.length == 0 ? null : key.clone();
    }

    boolean keyed() {
        return key != null;
    }

    String seal(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            if (key == null) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The full line for a body (a JSON object without its hash): the body with its hash appended. */
    String line(String body) {
        String hash = seal(body);
        return body.substring(0, body.length() - 1) + HASH_SUFFIX_START + hash + "\"}";
    }

    /** Splits a line into its body and hash, or returns null when the line does not end with a hash. */
    static String[] split(String line) {
        int i = line.lastIndexOf(HASH_SUFFIX_START);
        if (i < 0 || !line.endsWith("\"}") || line.length() - i != HASH_SUFFIX_START.length() + 64 + 2) {
            return null;
        }
        String hash = line.substring(i + HASH_SUFFIX_START.length(), line.length() - 2);
        return new String[] {line.substring(0, i) + "}", hash};
    }
}
