package vigil.core;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them in rules and configuration: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}. */
final class Durations {

    private Durations() {
    }

    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a duration: '" + text.trim() + "' (write e.g. 500ms, 30s, 10m, 2h)");
        }
        double n;
        try {
            n = Double.parseDouble(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text.trim() + "'");
        }
        String unit = s.substring(i).trim();
        long millis = switch (unit) {
            case "ms" -> Math.round(n);
            case "s", "" -> Math.round(n * 1000);
            case "m", "min" -> Math.round(n * 60_000);
            case "h" -> Math.round(n * 3_600_000);
            case "d" -> Math.round(n * 86_400_000);
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "' in duration '" + text.trim()
                    + "' (use ms, s, m, h or d)");
        };
        return Duration.ofMillis(millis);
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** A span in seconds with one decimal, as a summary says it: {@code 3.2 s}. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", Math.max(0, millis) / 1000.0);
    }
}
