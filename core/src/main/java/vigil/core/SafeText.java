package vigil.core;


/** Makes agent-supplied text safe for one log line: no line breaks, control or invisible formatting characters, bounded length. Stateless: any thread. */
public final class SafeText {

    private SafeText() {
    }

    /** Escapes control characters as {@code \n}, {@code \t} or {@code \}{@code uXXXX} and cuts after {@code max} characters. */
    public static String oneLine(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 16);
        for (int i = 0; i < s.length(); i++) {
            if (sb.length() >= max) {
                sb.append("...(").append(s.length()).append(" chars)");
                break;
            }
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                    || Character.getType(c) == Character.FORMAT) {
                // FORMAT: bidirectional overrides and invisible characters, which can make a line read otherwise.
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * One line saying what an event was, for the live views: {@code message alice -> bob tell price(3)},
     * {@code action of bob harvest(8)}, {@code report of carol}; the agents' own text made safe by {@link #oneLine}.
     */
    public static String describe(Event e) {
        if (e instanceof MessageEvent m) {
            return "message " + oneLine(m.sender(), 80) + " -> " + oneLine(m.receiver(), 80) + " "
                    + oneLine(m.performative(), 20) + " " + oneLine(m.text(), 120);
        }
        if (e instanceof ActionEvent a) {
            return "action of " + oneLine(a.agent(), 80) + " " + oneLine(a.action().toString(), 120);
        }
        if (e instanceof ActionOutcome o) {
            return "outcome of " + oneLine(o.agent(), 80) + " " + oneLine(o.action().toString(), 120) + " " + o.result().name().toLowerCase(java.util.Locale.ROOT);
        }
        return "report of " + oneLine(e.agent(), 80);
    }

    /**
     * Text of several lines printed as such, each made safe by {@link #oneLine} and every line after the
     * first indented: whatever the text holds, it cannot start a line of its own at the margin, where
     * Vigil's lines start ({@code vigil: ...}).
     */
    public static String indented(String s, int max) {
        if (s == null) {
            return "";
        }
        String[] lines = s.split("\r?\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append(System.lineSeparator()).append("    ");
            }
            sb.append(oneLine(lines[i], max));
        }
        return sb.toString();
    }
}
