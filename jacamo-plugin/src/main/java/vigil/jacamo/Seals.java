package vigil.jacamo;

import jason.asSemantics.Message;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The messages monitored agents have sent (and Vigil has judged) that are not yet in their receiver's
 * mailbox. A message that arrives without a seal was delivered by something other than a monitored
 * agent's architecture, whatever sender it names.
 *
 * <p>On Jason's local infrastructure (JaCaMo's too), which delivers a clone of the message it is handed, the
 * architecture hands on a {@link Sealed} copy instead, whose clones carry the seal: the message's id, sender,
 * receiver and content identity, taken once. Nothing is kept per message, and agents' threads share nothing
 * but the seal of the message they pass. An infrastructure that delivers a copy rebuilt from the message's
 * text (JADE) is sealed in a table by the id, sender, receiver and the content's text instead (a forger
 * would have to guess the id of a message in flight); seals of messages never read there (to an agent that is
 * not monitored, or that stopped) are dropped once there are many and they are old.
 * Thread-safe: senders seal in their threads, receivers take in theirs.
 */
final class Seals {

    static final int PURGE_ABOVE = 100_000;
    static final long PURGE_AFTER_MS = 10 * 60_000;

    private final ConcurrentHashMap<Key, Long> sealed = new ConcurrentHashMap<>();

    /**
     * Seals a message about to be handed on and returns what to hand on: a sealed copy on the local
     * infrastructure, the message itself ({@code byText}: the receiver gets a copy rebuilt from its text).
     */
    Message seal(Message m, boolean byText) {
        if (!byText) {
            return new Sealed(m, new Seal(m));
        }
        long now = System.currentTimeMillis();
        sealed.put(new Key(m), now);
        if (sealed.size() > PURGE_ABOVE) {
            sealed.values().removeIf(t -> now - t > PURGE_AFTER_MS);
        }
        return m;
    }

    /** Forgets the seal of a message that was not delivered ({@code handedOn}: what {@link #seal} returned). */
    void unseal(Message handedOn, boolean byText) {
        if (byText) {
            sealed.remove(new Key(handedOn));
        }
    }

    /** Whether the arriving message was sealed by a monitored sender; takes the seal. */
    boolean take(Message m, boolean byText) {
        if (!byText) {
            return m instanceof Sealed s && s.seal != null && s.seal.take(m);
        }
        return sealed.remove(new Key(m)) != null;
    }

    /** Seals held in the table (the text-sealed ones only). */
    int size() {
        return sealed.size();
    }

    /**
     * A message as a monitored agent sent it, after Vigil judged it; its clones (what the infrastructure
     * delivers) carry the same seal. No agent's code can make one: the class is Vigil's own.
     */
    static final class Sealed extends Message {

        private static final long serialVersionUID = 1L;
        /** Not sent along when serialised: a message from elsewhere is judged on arrival. */
        private final transient Seal seal;

        private Sealed(Message m, Seal seal) {
            super(m);
            this.seal = seal;
        }

        @Override
        public Message clone() {
            return new Sealed(this, seal);
        }
    }

    /** What was sealed: taken once, by a message with the same id, sender, receiver and content (the same object). */
    private static final class Seal extends AtomicBoolean {

        private static final long serialVersionUID = 1L;
        private final transient Object content;
        private final String id;
        private final String sender;
        private final String receiver;

        Seal(Message m) {
            content = m.getPropCont();
            id = m.getMsgId();
            sender = m.getSender();
            receiver = m.getReceiver();
        }

        boolean take(Message m) {
            return m.getPropCont() == content && Objects.equals(m.getMsgId(), id) && Objects.equals(m.getSender(), sender)
                    && Objects.equals(m.getReceiver(), receiver) && compareAndSet(false, true);
        }
    }

    private static final class Key {
        final String id;
        final String sender;
        final String receiver;
        /** The content's text, compared by value. */
        final String content;

        Key(Message m) {
            id = m.getMsgId();
            sender = m.getSender();
            receiver = m.getReceiver();
            content = String.valueOf(m.getPropCont());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.content.equals(content) && Objects.equals(k.id, id)
                    && Objects.equals(k.sender, sender) && Objects.equals(k.receiver, receiver);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(id);
            h = 31 * h + Objects.hashCode(sender);
            h = 31 * h + Objects.hashCode(receiver);
            return 31 * h + content.hashCode();
        }
    }
}
