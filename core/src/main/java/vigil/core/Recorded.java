package vigil.core;

/**
 * A sanction read back from an audit log: the parsed sanction when its kind is registered here, else its
 * text alone (a kind of another deployment, say), so that reading a log never depends on the kinds at hand.
 */
record Recorded(String text) implements Sanction {

    static Sanction of(String text) {
        try {
            return Sanction.parse(text);
        } catch (RuntimeException unknown) {
            return new Recorded(text);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
