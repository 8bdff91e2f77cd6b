package vigil.jacamo;

import jason.asSemantics.Message;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages monitored agents have sent (and Vigil has judged) that are not yet in their receiver's
 * mailbox. A message that arrives without a seal was delivered by something other than a monitored
 * agent's architecture, whatever sender it names. Jason delivers a copy that shares the content object,
 * so a seal is the message's id, sender, receiver and content identity. Seals of messages never read
 * (to an agent that is not monitored, or that stopped) are dropped once there are many and they are old.
 * Thread-safe: senders seal in their threads, receivers take in theirs.
 */
final class Seals {

    static final int PURGE_ABOVE = 100_000;
    static final long PURGE_AFTER_MS = 10 * 60_000;

    private final ConcurrentHashMap<Key, Long> sealed = new ConcurrentHashMap<>();

    /** Marks the message as sent by a monitored agent (call just before it is handed on). */
    void seal(Message m) {
        long now = System.currentTimeMillis();
        sealed.merge(new Key(m), now, Math::max);
        if (sealed.size() > PURGE_ABOVE) {
            sealed.values().removeIf(t -> now - t > PURGE_AFTER_MS);
        }
    }

    /** Forgets the seal of a message that was not delivered. */
    void unseal(Message m) {
        sealed.remove(new Key(m));
    }

    /** Whether the arriving message was sealed by a monitored sender; takes the seal. */
    boolean take(Message m) {
        return sealed.remove(new Key(m)) != null;
    }

    int size() {
        return sealed.size();
    }

    private static final class Key {
        final String id;
        final String sender;
        final String receiver;
        final Object content;

        Key(Message m) {
            id = m.getMsgId();
            sender = m.getSender();
            receiver = m.getReceiver();
            content = m.getPropCont();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.content == content && Objects.equals(k.id, id)
                    && Objects.equals(k.sender, sender) && Objects.equals(k.receiver, receiver);
        }

        @Override
        public int hashCode() {
            // The content's identity, never its own hashCode: content from agents is not trusted.
            return Objects.hash(id, sender, receiver) * 31 + System.identityHashCode(content);
        }
    }
}
