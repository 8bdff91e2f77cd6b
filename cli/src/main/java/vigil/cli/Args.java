package vigil.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arguments that follow a command's name, parsed the same way for every command: {@code --name VALUE} or
 * {@code --name=VALUE} for an option that takes a value, {@code --name} for a flag, anything else positional.
 * A command declares its options ({@link Command#options}), which the dispatcher hands to {@link #accept}; anything else that starts with {@code -} is a
 * {@link UsageException}. An option given more than once keeps every value ({@link #list}); a list option
 * also takes commas ({@code --rules a,b} is {@code --rules a --rules b}).
 */
public final class Args {

    private final List<String> words;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    public Args(String... words) {
        this(Arrays.asList(words));
    }

    public Args(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** The words as given, before parsing. */
    public List<String> words() {
        return words;
    }

    /** True when the words ask for the command's help ({@code --help} or {@code -h}). */
    boolean asksForHelp() {
        return words.contains("--help") || words.contains("-h");
    }

    /**
     * Parses the words with these options: {@code "--config="} takes a value, {@code "--fail-closed"} is a flag.
     * Throws a {@link UsageException} for an unknown option or an option without its value.
     */
    public Args accept(String... options) {
        return accept(List.of(options));
    }

    /** As {@link #accept(String...)}. */
    public Args accept(List<String> options) {
        Map<String, Boolean> takesValue = new LinkedHashMap<>();
        for (String o : options) {
            takesValue.put(o.endsWith("=") ? o.substring(0, o.length() - 1) : o, o.endsWith("="));
        }
        values.clear();
        positional.clear();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-") || w.equals("-")) {
                positional.add(w);
                continue;
            }
            String name = w;
            String value = null;
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 0) {
                name = w.substring(0, eq);
                value = w.substring(eq + 1);
            }
            Boolean valued = takesValue.get(name);
            if (valued == null) {
                throw new UsageException("unknown option " + name);
            }
            if (valued) {
                if (value == null) {
                    if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = words.get(++i);
                }
            } else if (value != null) {
                throw new UsageException(name + " takes no value");
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return this;
    }

    /** True when the flag was given. */
    public boolean flag(String option) {
        return values.containsKey(option);
    }

    /** The option's last value, or null when it was not given. */
    public String value(String option) {
        List<String> v = values.get(option);
        return v == null ? null : v.get(v.size() - 1);
    }

    /** The option's last value as a path, or null. */
    public Path path(String option) {
        String v = value(option);
        return v == null ? null : Path.of(v);
    }

    /** Every value the option was given, each split at commas, blanks dropped. */
    public List<String> list(String option) {
        List<String> out = new ArrayList<>();
        for (String v : values.getOrDefault(option, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** The option's last value read as a number by {@code parse}, or null; a value that is not one is a usage error. */
    public <T> T number(String option, Function<String, T> parse) {
        String v = value(option);
        if (v == null) {
            return null;
        }
        try {
            return parse.apply(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": not a number: '" + v + "'");
        }
    }

    /** The words that are not options, in order. */
    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** The one positional word, or a usage error saying {@code missing} when there is none; more than one is an error too. */
    public String single(String missing) {
        if (positional.isEmpty()) {
            throw new UsageException(missing);
        }
        if (positional.size() > 1) {
            throw new UsageException("unexpected argument " + positional.get(1));
        }
        return positional.get(0);
    }
}
