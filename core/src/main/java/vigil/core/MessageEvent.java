package vigil.core;

import java.util.List;
import java.util.Objects;

/**
 * A message from one agent to another. {@code performative} is the illocutionary force in lower case
 * (tell, untell, achieve, unachieve, askOne, askAll, tellHow, untellHow, askHow); {@code content} is its
 * structured form and {@code text} its original text. {@code senderBelief} is what the sender believed
 * about the content when it spoke ({@link SenderBelief#NOT_CAPTURED} when not looked at).
 * An immutable value, safe to share between threads.
 */
public record MessageEvent(
        String id,
        long time,
        String sender,
        String receiver,
        String performative,
        Term content,
        String text,
        String inReplyTo,
        SenderBelief senderBelief) implements Event {

    public MessageEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(performative, "performative");
        Objects.requireNonNull(content, "content");
        text = text == null ? content.toString() : text;
        senderBelief = senderBelief == null ? SenderBelief.NOT_CAPTURED : senderBelief;
    }

    /** A message with no reply link and no belief snapshot; its text is the content's text. */
    public static MessageEvent of(String id, long time, String sender, String receiver, String performative,
            Term content) {
        return new MessageEvent(id, time, sender, receiver, performative, content, null, null, null);
    }

    /** The same message with a belief snapshot attached. */
    public MessageEvent withBelief(SenderBelief belief) {
        return new MessageEvent(id, time, sender, receiver, performative, content, text, inReplyTo, belief);
    }

    /** The same message with another content (the text, the original words, is kept). */
    public MessageEvent withContent(Term newContent) {
        return new MessageEvent(id, time, sender, receiver, performative, newContent, text, inReplyTo, senderBelief);
    }

    @Override
    public String agent() {
        return sender;
    }

    @Override
    public List<String> agents() {
        return sender.equals(receiver) ? List.of(sender) : List.of(sender, receiver);
    }

    /**
     * Hashes the id and time only (equal events have equal ids and times): the rule engine hashes every
     * event it holds, and hashing the whole content term would cost more than the rest of inserting it.
     */
    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Long.hashCode(time);
    }
}
