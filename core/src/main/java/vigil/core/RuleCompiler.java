package vigil.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Turns DRL sources into a {@link CompiledRules}: fills in pack parameters, compiles once, reads each rule's
 * metadata and builds one knowledge base per path (the gate's without watch rules, the watch's without
 * gate rules). Every problem is collected and reported together as {@code file:line: message}.
 *
 * <p>Parameters: a rule declares its pack's parameters with defaults, {@code @params(window = "60s")}, and
 * uses them anywhere in the file as {@code ${window}}; configuration overrides them with
 * {@code params.PACK.NAME}, where the pack is the last segment of the DRL package.
 */
final class RuleCompiler {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern PARAMS = Pattern.compile("@params\\s*\\(([^)]*)\\)");
    private static final Pattern PAIR = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(\"[^\"]+\"|'[^']+'|\\S+)");

    /**
     * The event types, declared as Drools events. With no expiry the engine keeps them until the watch lets
     * them go ({@code watch.hold = rules}, see {@link #noEngineExpiry}); with one ({@code watch.hold = retention})
     * each event gets an expiry timer of the engine's.
     */
    private static final String EVENTS_DRL = """
            package vigil.core;
            declare MessageEvent @role(event) @timestamp(time)%1$s end
            declare ActionEvent @role(event) @timestamp(time)%1$s end
            declare ActionOutcome @role(event) @timestamp(time)%1$s end
            declare ReportEvent @role(event) @timestamp(time)%1$s end
            """;

    private RuleCompiler() {
    }

    /**
     * Compiles the sources. {@code params} holds overrides keyed {@code PACK.NAME}; {@code engineExpiry}, when
     * not null, is how long the engine itself keeps each event the watch inserts (at least: longer if a rule's
     * window needs it), each with a timer; null leaves the events to the watch ({@link Config#engineExpiry()}).
     */
    public static CompiledRules compile(List<RuleSource> sources, Map<String, String> params, Duration engineExpiry) {
        return compile(sources, params, Map.of(), engineExpiry);
    }

    /**
     * As {@link #compile(List, Map, Duration)}; {@code origins} says where each {@code params.PACK.NAME} was
     * set ({@code file:line}, see {@link Config#origins()}), so that a value of the wrong type is reported there.
     * A parameter's type is its default's: a number, a duration ({@code 60s}), or text.
     */
    public static CompiledRules compile(List<RuleSource> sources, Map<String, String> params, Map<String, String> origins,
            Duration engineExpiry) {
        List<Object> key = List.of(List.copyOf(sources), Map.copyOf(params), String.valueOf(engineExpiry));
        synchronized (RECENT) {
            CompiledRules known = RECENT.get(key);
            if (known != null) {
                return known;
            }
        }
        CompiledRules c = compileAfresh(sources, params, origins, engineExpiry);
        synchronized (RECENT) {
            RECENT.put(key, c);
        }
        return c;
    }

    /**
     * The last few compilations, by sources, parameters and engine expiry: a process that starts many monitors on
     * the same rules (the scenario benchmark, tests) compiles them once. Compiled rules are immutable; each
     * monitor opens its own sessions on them.
     */
    private static final Map<List<Object>, CompiledRules> RECENT = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, CompiledRules> eldest) {
            return size() > 4;
        }
    };

    private static CompiledRules compileAfresh(List<RuleSource> sources, Map<String, String> params, Map<String, String> origins,
            Duration engineExpiry) {
        List<RuleError> errors = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        Map<String, Map<String, String>> packParams = new HashMap<>();
        for (RuleSource s : sources) {
            Prepared p = prepare(s, errors);
            prepared.add(p);
            packParams.computeIfAbsent(p.pack, k -> new TreeMap<>()).putAll(p.defaults);
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            int dot = e.getKey().indexOf('.');
            String pack = dot < 0 ? e.getKey() : e.getKey().substring(0, dot);
            String name = dot < 0 ? "" : e.getKey().substring(dot + 1);
            Map<String, String> known = packParams.get(pack);
            if (known == null) {
                errors.add(new RuleError("configuration", 0, "params." + e.getKey() + ": no loaded rule pack is named '"
                        + pack + "' (loaded: " + String.join(", ", new TreeMap<>(packParams).keySet()) + ")"));
            } else if (!known.containsKey(name)) {
                errors.add(new RuleError("configuration", 0, "params." + e.getKey() + ": pack '" + pack
                        + "' has no parameter '" + name + "' (its parameters: " + String.join(", ", known.keySet()) + ")"));
            } else {
                String problem = typeProblem(known.get(name), e.getValue());
                if (problem == null) {
                    known.put(name, e.getValue());
                } else {
                    errors.add(at(origins.get("params." + e.getKey()), "params." + e.getKey() + ": " + problem));
                }
            }
        }
        for (Prepared p : prepared) {
            p.substitute(packParams.get(p.pack), errors);
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }

        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
        String expires = engineExpiry == null ? "" : " @expires(" + Durations.format(engineExpiry) + ")";
        // One batch, so a type declared in one file can be used in a file read before it.
        CompositeKnowledgeBuilder batch = kb.batch();
        batch.add(ResourceFactory.newByteArrayResource(EVENTS_DRL.formatted(expires).getBytes(StandardCharsets.UTF_8))
                .setSourcePath("vigil/events.drl"), ResourceType.DRL);
        Map<String, Prepared> bySourcePath = new HashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            String sourcePath = "vigil/src" + i + ".drl";
            bySourcePath.put(sourcePath, p);
            batch.add(ResourceFactory.newByteArrayResource(p.text.getBytes(StandardCharsets.UTF_8)).setSourcePath(sourcePath),
                    ResourceType.DRL);
        }
        batch.build();
        List<DrlErrors.Raw> raw = new ArrayList<>();
        for (KnowledgeBuilderError e : kb.getErrors()) {
            String path = e.getResource() == null ? null : e.getResource().getSourcePath();
            Prepared p = path == null ? null : bySourcePath.get(path);
            int line = e.getLines() != null && e.getLines().length > 0 ? e.getLines()[0] : 0;
            raw.add(new DrlErrors.Raw(p == null ? (path == null ? "rules" : path) : p.source.origin(), line,
                    String.valueOf(e.getMessage()), p == null ? null : p.text));
        }
        errors.addAll(DrlErrors.rewrite(raw));
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }

        Collection<KiePackage> packages = kb.getKnowledgePackages();
        Map<String, Prepared> byPackage = new HashMap<>();
        for (Prepared p : prepared) {
            byPackage.putIfAbsent(p.packageName, p);
        }
        Map<String, String> versions = versions(prepared);
        List<RuleInfo> infos = new ArrayList<>();
        for (KiePackage pkg : packages) {
            for (Rule r : pkg.getRules()) {
                Prepared p = findSource(prepared, pkg.getName(), r.getName(), byPackage);
                String origin = p == null ? pkg.getName() : p.source.origin();
                int line = p == null ? 0 : p.lineOfRule(r.getName());
                RuleInfo info = info(r, p == null ? lastSegment(pkg.getName()) : p.pack,
                        versions.getOrDefault(p == null ? "" : p.pack, ""), origin,
                        p == null ? Map.of() : packParams.getOrDefault(p.pack, Map.of()), line, errors);
                if (info != null) {
                    infos.add(info);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        InternalKnowledgeBase gate = knowledgeBase(packages, infos, RulePath.WATCH, EventProcessingOption.CLOUD, null);
        // The second base gets copies of the packages; the copies need the classes of the types the rules
        // declare, which the first base's class loader now holds.
        InternalKnowledgeBase watch = knowledgeBase(packages, infos, RulePath.GATE, EventProcessingOption.STREAM,
                gate.getRootClassLoader());
        if (engineExpiry == null) {
            noEngineExpiry(watch);
        }
        return new CompiledRules(gate, watch, infos, versions, sources);
    }

    private static InternalKnowledgeBase knowledgeBase(Collection<KiePackage> packages, List<RuleInfo> infos, RulePath without,
            EventProcessingOption mode, ClassLoader loader) {
        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration(null, loader);
        conf.setOption(mode);
        InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase(conf);
        kbase.addPackages(packages);
        for (RuleInfo r : infos) {
            if (r.path() == without) {
                kbase.removeRule(r.packageName(), r.name());
            }
        }
        return kbase;
    }

    /**
     * Leaves the core's events to the watch: the engine infers an expiry for an event type from the rules that
     * read it (the longest window or temporal distance) and gives each event a timer for it; the watch lets
     * its events go itself, in batches, when the rules can no longer use them ({@link Admission#hold}), so
     * every node the core's events enter keeps none. A window still drops its own events on time (it keeps
     * one timer for its oldest event, not one per event). The packs' own event types keep theirs.
     */
    private static void noEngineExpiry(InternalKnowledgeBase kbase) {
        for (EntryPointNode entry : kbase.getRete().getEntryPointNodes().values()) {
            for (ObjectTypeNode otn : entry.getObjectTypeNodes().values()) {
                if (otn.getObjectType() instanceof ClassObjectType cot && CORE_EVENTS.stream().anyMatch(cot.getClassType()::isAssignableFrom)) {
                    otn.setExpirationOffset(Long.MAX_VALUE);
                }
            }
        }
    }

    private static final List<Class<?>> CORE_EVENTS = List.of(MessageEvent.class, ActionEvent.class, ActionOutcome.class,
            ReportEvent.class);

    private static RuleInfo info(Rule r, String pack, String version, String origin, Map<String, String> params,
            int line, List<RuleError> errors) {
        Map<String, Object> md = r.getMetaData();
        String where = "rule \"" + r.getName() + "\": ";
        try {
            String value = str(md.get("value"));
            Alignment level = md.containsKey("level") ? Alignment.parse(str(md.get("level"))) : Alignment.HUMAN;
            Severity severity = md.containsKey("severity") ? Severity.parse(str(md.get("severity"))) : Severity.MEDIUM;
            List<Sanction> sanctions = md.containsKey("sanction") ? Sanction.parseList(str(md.get("sanction"))) : List.of();
            RulePath path = md.containsKey("path") ? RulePath.parse(str(md.get("path"))) : RulePath.WATCH;
            Duration cooldown = md.containsKey("cooldown") ? Durations.parse(str(md.get("cooldown"))) : Duration.ZERO;
            if (value == null && (md.containsKey("severity") || md.containsKey("sanction"))) {
                errors.add(new RuleError(origin, line, where + "has a @severity or @sanction but no @value"));
                return null;
            }
            return new RuleInfo(r.getName(), r.getPackageName(), pack, version, origin, value, level, severity,
                    sanctions, path, cooldown, params);
        } catch (IllegalArgumentException e) {
            errors.add(new RuleError(origin, line, where + "bad metadata: " + e.getMessage()
                    + " (@level: human|preferential|objective, @severity: low|medium|high|critical,"
                    + " @path: gate|watch|both)"));
            return null;
        }
    }

    private static String str(Object o) {
        if (o == null) {
            return null;
        }
        String s = o.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static Prepared findSource(List<Prepared> prepared, String pkg, String rule, Map<String, Prepared> byPackage) {
        for (Prepared p : prepared) {
            if (p.packageName.equals(pkg) && p.lineOfRule(rule) > 0) {
                return p;
            }
        }
        return byPackage.get(pkg);
    }

    private static Map<String, String> versions(List<Prepared> prepared) {
        Map<String, MessageDigest> digests = new TreeMap<>();
        for (Prepared p : prepared) {
            digests.computeIfAbsent(p.pack, k -> sha256()).update(p.text.getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> out = new LinkedHashMap<>();
        digests.forEach((pack, d) -> out.put(pack, HexFormat.of().formatHex(d.digest()).substring(0, 12)));
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Prepared prepare(RuleSource s, List<RuleError> errors) {
        Matcher pm = PACKAGE.matcher(s.text());
        String packageName = pm.find() ? pm.group(1) : "defaultpkg";
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher m = PARAMS.matcher(s.text());
        while (m.find()) {
            Matcher pair = PAIR.matcher(m.group(1));
            int found = 0;
            while (pair.find()) {
                found++;
                defaults.putIfAbsent(pair.group(1), pair.group(2));
            }
            if (found == 0) {
                errors.add(new RuleError(s.origin(), lineAt(s.text(), m.start()),
                        "@params needs name = \"default\" pairs, e.g. @params(window = \"60s\")"));
            }
        }
        return new Prepared(s, packageName, lastSegment(packageName), defaults);
    }

    /** Why {@code value} is not of the type of the parameter whose default is {@code def}, or null. */
    static String typeProblem(String def, String value) {
        String v = value.strip();
        if (isNumber(def.strip())) {
            return isNumber(v) ? null : "expected a number, got '" + value + "'";
        }
        if (!def.isBlank() && isDuration(def)) {
            return isDuration(v) ? null : "expected a duration (e.g. 500ms, 30s, 10m, 2h), got '" + value + "'";
        }
        return null;
    }

    private static boolean isNumber(String s) {
        try {
            return !s.isEmpty() && Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDuration(String s) {
        try {
            Durations.parse(s);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** An error at {@code file:line} when known, else in the configuration. */
    private static RuleError at(String origin, String message) {
        if (origin != null) {
            int colon = origin.lastIndexOf(':');
            try {
                return new RuleError(origin.substring(0, colon), Integer.parseInt(origin.substring(colon + 1)), message);
            } catch (RuntimeException ignored) {
                // Not file:line: the configuration in general.
            }
        }
        return new RuleError("configuration", 0, message);
    }

    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String lastSegment(String packageName) {
        int dot = packageName.lastIndexOf('.');
        return dot < 0 ? packageName : packageName.substring(dot + 1);
    }

    private static final class Prepared {
        final RuleSource source;
        final String packageName;
        final String pack;
        final Map<String, String> defaults;
        String text;

        Prepared(RuleSource source, String packageName, String pack, Map<String, String> defaults) {
            this.source = source;
            this.packageName = packageName;
            this.pack = pack;
            this.defaults = defaults;
            this.text = source.text();
        }

        void substitute(Map<String, String> values, List<RuleError> errors) {
            Matcher m = PLACEHOLDER.matcher(source.text());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = values == null ? null : values.get(m.group(1));
                if (v == null) {
                    errors.add(new RuleError(source.origin(), lineAt(source.text(), m.start()), "unknown parameter ${"
                            + m.group(1) + "}: declare it on a rule of the pack, e.g. @params(" + m.group(1) + " = \"...\")"));
                    v = m.group();
                } else if (v.indexOf('\n') >= 0) {
                    errors.add(new RuleError(source.origin(), lineAt(source.text(), m.start()), "parameter " + pack + "."
                            + m.group(1) + " must fit on one line"));
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            text = sb.toString();
        }

        int lineOfRule(String name) {
            Matcher m = RULE.matcher(text);
            while (m.find()) {
                String n = m.group(1);
                if (n.length() >= 2 && (n.startsWith("\"") || n.startsWith("'"))) {
                    n = n.substring(1, n.length() - 1);
                }
                if (n.equals(name)) {
                    return lineAt(text, m.start(1));
                }
            }
            return 0;
        }
    }
}
