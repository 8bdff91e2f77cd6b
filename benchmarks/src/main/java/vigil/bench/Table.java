package vigil.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One figure of docs/performance.md: a Markdown table with a heading and a line of notes. */
final class Table {

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Tables printed after this one, as parts of the same figure. */
    private final List<Table> parts = new ArrayList<>();

    Table(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    Table note(String text) {
        notes.add(text);
        return this;
    }

    /** Prints {@code next} after this table, as another part of the same figure. */
    Table and(Table next) {
        parts.add(next);
        return this;
    }

    List<List<String>> rows() {
        return rows;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("#### ").append(title).append("\n\n");
        sb.append("| ").append(String.join(" | ", headers)).append(" |\n");
        sb.append("|").append("---|".repeat(headers.size())).append("\n");
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        for (String n : notes) {
            sb.append("\n").append(n).append("\n");
        }
        for (Table t : parts) {
            sb.append("\n").append(t.markdown());
        }
        return sb.toString();
    }

    static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
