package vigil.jacamo;

import jason.asSemantics.Message;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages monitored agents have sent (and Vigil has judged) that are not yet in their receiver's
 * mailbox. A message that arrives without a seal was delivered by something other than a monitored
 * agent's architecture, whatever sender it names. Jason delivers a copy that shares the content object,
 * so a seal is the message's id, sender, receiver and content identity; an infrastructure that delivers a
 * copy rebuilt from the message's text (JADE) is sealed with the content's text instead (a forger would have
 * to guess the id of a message in flight). Seals of messages never read
 * (to an agent that is not monitored, or that stopped) are dropped once there are many and they are old.
 * Thread-safe: senders seal in their threads, receivers take in theirs.
 */
final class Seals {

    static final int PURGE_ABOVE = 100_000;
    static final long PURGE_AFTER_MS = 10 * 60_000;

    private final ConcurrentHashMap<Key, Long> sealed = new ConcurrentHashMap<>();

    /** Marks the message as sent by a monitored agent (call just before it is handed on). */
    void seal(Message m) {
        seal(m, false);
    }

    /** As {@link #seal(Message)}; {@code byText}: the receiver gets a copy rebuilt from the message's text. */
    void seal(Message m, boolean byText) {
        long now = System.currentTimeMillis();
        sealed.merge(new Key(m, byText), now, Math::max);
        if (sealed.size() > PURGE_ABOVE) {
            sealed.values().removeIf(t -> now - t > PURGE_AFTER_MS);
        }
    }

    /** Forgets the seal of a message that was not delivered. */
    void unseal(Message m) {
        unseal(m, false);
    }

    void unseal(Message m, boolean byText) {
        sealed.remove(new Key(m, byText));
    }

    /** Whether the arriving message was sealed by a monitored sender; takes the seal. */
    boolean take(Message m) {
        return take(m, false);
    }

    boolean take(Message m, boolean byText) {
        return sealed.remove(new Key(m, byText)) != null;
    }

    int size() {
        return sealed.size();
    }

    private static final class Key {
        final String id;
        final String sender;
        final String receiver;
        final Object content;
        /** The content is its text (a String), compared by value. */
        final boolean text;

        Key(Message m, boolean byText) {
            id = m.getMsgId();
            sender = m.getSender();
            receiver = m.getReceiver();
            text = byText;
            content = byText ? String.valueOf(m.getPropCont()) : m.getPropCont();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.text == text && (text ? k.content.equals(content) : k.content == content)
                    && Objects.equals(k.id, id) && Objects.equals(k.sender, sender) && Objects.equals(k.receiver, receiver);
        }

        @Override
        public int hashCode() {
            // The content's identity, never its own hashCode (content from agents is not trusted); a text's is a String's.
            return Objects.hash(id, sender, receiver) * 31 + (text ? content.hashCode() : System.identityHashCode(content));
        }
    }
}
