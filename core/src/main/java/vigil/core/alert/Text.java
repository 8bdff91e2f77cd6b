package vigil.core.alert;

/** Makes agent-supplied text safe for one log line: no line breaks, control or invisible formatting characters, bounded length. */
public final class Text {

    private Text() {
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
}
