package vigil.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a value is written in a configuration file (or a rule pack's {@code @params}) and read back: the
 * parser, the formatter, and the error in the user's terms when the text is of the wrong kind
 * ({@code expected a number, got 'abc'}). Each {@link Config.Key} names one; so do typed pack parameters.
 */
abstract class ValueType<T> {

    /** What the text should be, as the error says it: {@code a number}, {@code on or off}. */
    abstract String expected();

    /** Reads {@code text}; a relative path resolves against {@code base} (null: the working directory). */
    abstract T parse(String text, Path base);

    /** Writes the value back as a file would hold it. */
    String format(T value) {
        return String.valueOf(value);
    }

    ConfigException wrong(String text) {
        return new ConfigException("expected " + expected() + ", got '" + text + "'");
    }

    static final ValueType<Boolean> BOOLEAN = new ValueType<>() {
        @Override
        String expected() {
            return "on or off (or true/false, yes/no)";
        }

        @Override
        Boolean parse(String v, Path base) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw wrong(v);
            };
        }

        @Override
        String format(Boolean v) {
            return v ? "on" : "off";
        }
    };

    static final ValueType<Integer> WHOLE = new ValueType<>() {
        @Override
        String expected() {
            return "a whole number";
        }

        @Override
        Integer parse(String v, Path base) {
            try {
                return Integer.parseInt(v.replace("_", ""));
            } catch (NumberFormatException e) {
                throw wrong(v);
            }
        }
    };

    static final ValueType<Double> NUMBER = new ValueType<>() {
        @Override
        String expected() {
            return "a number";
        }

        @Override
        Double parse(String v, Path base) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw wrong(v);
            }
        }
    };

    static final ValueType<Duration> DURATION = new ValueType<>() {
        @Override
        String expected() {
            return "a duration (500ms, 30s, 10m, 2h)";
        }

        @Override
        Duration parse(String v, Path base) {
            try {
                return Durations.parse(v);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }

        @Override
        String format(Duration d) {
            return Durations.format(d);
        }
    };

    /** A name an agent, a value or a functor may have: letters, digits, {@code _} and dots. */
    static final ValueType<String> NAME = new ValueType<>() {
        @Override
        String expected() {
            return "a name (letters, digits, _)";
        }

        @Override
        String parse(String v, Path base) {
            if (!v.matches("[A-Za-z_][\\w.]*")) {
                throw wrong(v);
            }
            return v;
        }
    };

    static final ValueType<String> TEXT = new ValueType<>() {
        @Override
        String expected() {
            return "text";
        }

        @Override
        String parse(String v, Path base) {
            return v;
        }
    };

    static final ValueType<Path> PATH = new ValueType<>() {
        @Override
        String expected() {
            return "a path";
        }

        @Override
        Path parse(String v, Path base) {
            if (v.isEmpty()) {
                throw new ConfigException("expected a path");
            }
            Path p = Path.of(v);
            return base == null || p.isAbsolute() ? p : base.resolve(p).normalize();
        }
    };

    /** A secret written as text, held as its UTF-8 bytes; never written back. */
    static final ValueType<byte[]> SECRET = new ValueType<>() {
        @Override
        String expected() {
            return "text";
        }

        @Override
        byte[] parse(String v, Path base) {
            return v.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        String format(byte[] v) {
            return "(set)";
        }
    };

    static final ValueType<EscalationPolicy> ESCALATION = new ValueType<>() {
        @Override
        String expected() {
            return "an escalation ladder (warn; 3 in 10m: mute 30s)";
        }

        @Override
        EscalationPolicy parse(String v, Path base) {
            return EscalationPolicy.parse(v);
        }
    };

    /** Rule locations: a comma list of {@code classpath}, files and folders. */
    static final ValueType<List<String>> LOCATIONS = new ValueType<>() {
        @Override
        String expected() {
            return "a comma list of locations";
        }

        @Override
        List<String> parse(String v, Path base) {
            List<String> out = new ArrayList<>();
            for (String part : v.split(",")) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    out.add(p.equals(Config.CLASSPATH) || base == null ? p : base.resolve(p).normalize().toString());
                }
            }
            return out;
        }

        @Override
        String format(List<String> v) {
            return String.join(", ", v);
        }
    };

    /** A comma list of agent names. */
    static final ValueType<List<String>> NAMES = new ValueType<>() {
        @Override
        String expected() {
            return "a comma list of names";
        }

        @Override
        List<String> parse(String v, Path base) {
            List<String> out = new ArrayList<>();
            for (String part : v.split(",")) {
                if (!part.isBlank() && !part.strip().equals("none")) {
                    out.add(NAME.parse(part.strip(), base));
                }
            }
            return List.copyOf(out);
        }

        @Override
        String format(List<String> v) {
            return v.isEmpty() ? "none" : String.join(", ", v);
        }
    };

    /** A comma list of alignments: human, preferential, objective. */
    static final ValueType<List<Alignment>> ALIGNMENTS = new ValueType<>() {
        private final ValueType<Alignment> one = oneOf(Alignment.class);

        @Override
        String expected() {
            return "a comma list of " + one.expected();
        }

        @Override
        List<Alignment> parse(String v, Path base) {
            List<Alignment> out = new ArrayList<>();
            for (String part : v.split(",")) {
                try {
                    out.add(one.parse(part.strip(), base));
                } catch (ConfigException e) {
                    throw wrong(part.strip());
                }
            }
            return List.copyOf(out);
        }

        @Override
        String format(List<Alignment> v) {
            List<String> out = new ArrayList<>();
            v.forEach(a -> out.add(one.format(a)));
            return String.join(", ", out);
        }
    };

    /** One of an enum's constants, written in lower case. */
    static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type) {
        E[] all = type.getEnumConstants();
        List<String> words = new ArrayList<>();
        for (E e : all) {
            words.add("'" + e.name().toLowerCase(Locale.ROOT) + "'");
        }
        String expected = words.size() == 2 ? words.get(0) + " or " + words.get(1)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
        return new ValueType<>() {
            @Override
            String expected() {
                return expected;
            }

            @Override
            E parse(String v, Path base) {
                for (E e : all) {
                    if (e.name().equalsIgnoreCase(v)) {
                        return e;
                    }
                }
                throw wrong(v);
            }

            @Override
            String format(E v) {
                return v.name().toLowerCase(Locale.ROOT);
            }
        };
    }

    /** An http or https address with a host, as a webhook needs. */
    static final ValueType<URI> URL = new ValueType<>() {
        @Override
        String expected() {
            return "an http:// or https:// URL with a host";
        }

        @Override
        URI parse(String v, Path base) {
            URI u;
            try {
                u = new URI(v);
            } catch (URISyntaxException e) {
                throw wrong(v);
            }
            if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
                throw wrong(v);
            }
            return u;
        }
    };

    /** A TCP port, 0..65535 (0: any free one). */
    static final ValueType<Integer> PORT = new ValueType<>() {
        @Override
        String expected() {
            return "a port number within 0..65535 (0: any free port)";
        }

        @Override
        Integer parse(String v, Path base) {
            int p;
            try {
                p = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw wrong(v);
            }
            if (p < 0 || p > 65535) {
                throw wrong(v);
            }
            return p;
        }
    };

    /** This type, or nothing when the text is {@code off} or empty (a feature that is off by default). */
    ValueType<T> orOff() {
        ValueType<T> inner = this;
        return new ValueType<>() {
            @Override
            String expected() {
                return inner.expected() + " or off";
            }

            @Override
            T parse(String v, Path base) {
                return v.isEmpty() || v.equals("off") ? null : inner.parse(v, base);
            }

            @Override
            String format(T v) {
                return v == null ? "off" : inner.format(v);
            }
        };
    }

    /** This type, or nothing when the text is {@code none} or empty. */
    ValueType<T> orNone() {
        ValueType<T> inner = this;
        return new ValueType<>() {
            @Override
            String expected() {
                return inner.expected() + " or none";
            }

            @Override
            T parse(String v, Path base) {
                return v.isEmpty() || v.equals("none") ? null : inner.parse(v, base);
            }

            @Override
            String format(T v) {
                return v == null ? "none" : inner.format(v);
            }
        };
    }
}
