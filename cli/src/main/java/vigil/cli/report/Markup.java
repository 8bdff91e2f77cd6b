package vigil.cli.report;

import java.util.Locale;

/**
 * Escaping and number formatting for the page. Every string that comes from a run's files (agent names,
 * explanations, labels) goes through {@link #esc}, which also drops what XML forbids, so the page is
 * well-formed XHTML as well as HTML: a hostile name cannot open a tag, end an attribute or break the parse.
 */
final class Markup {

    private Markup() {
    }

    /** Text safe in element content and in single- or double-quoted attributes; null is the empty text. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                            || c == 0xFFFE || c == 0xFFFF) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A number with at most {@code decimals} decimals, without trailing zeros, the same on every machine. */
    static String num(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.equals("-0") ? "0" : s;
    }

    /** A number with exactly {@code decimals} decimals, for columns that line up. */
    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A coordinate for SVG: one decimal. */
    static String xy(double v) {
        return num(v, 1);
    }

    static String orNa(Double v, int decimals) {
        return v == null ? "n/a" : num(v, decimals);
    }

    static String orNa(Long v) {
        return v == null ? "n/a" : Long.toString(v);
    }

    /** Seconds since the start of the run, e.g. {@code 12.345 s}. */
    static String seconds(long millis) {
        return num(millis / 1000.0, 3) + " s";
    }
}
