package vigil;

import jason.JasonException;
import jason.asSyntax.ASSyntax;
import jason.asSyntax.ListTerm;
import jason.asSyntax.ListTermImpl;
import jason.asSyntax.StringTerm;
import jason.asSyntax.Term;
import java.util.Locale;
import vigil.core.Monitor;
import vigil.core.Violation;
import vigil.core.RuleInfo;
import vigil.jacamo.JasonTerms;
import vigil.jacamo.MasMonitor;

/** What the {@code vigil.*} internal actions answer, as AgentSpeak terms. They only read. */
final class InternalActions {

    private InternalActions() {
    }

    static Monitor monitor(String action) throws JasonException {
        return MasMonitor.monitor().orElseThrow(() -> new JasonException(
                "vigil." + action + ": Vigil's monitor is not running in this MAS"));
    }

    /** {@code violation(Id, Rule, Value, Severity, Agents, Detail, Time)}. */
    static Term violation(Violation v) {
        ListTerm agents = new ListTermImpl();
        for (String a : v.agents()) {
            agents.append(word(a));
        }
        return ASSyntax.createLiteral("violation", ASSyntax.createAtom(v.id()), ASSyntax.createString(v.rule()),
                word(v.value()), ASSyntax.createAtom(v.severity().name().toLowerCase(Locale.ROOT)), agents,
                ASSyntax.createString(v.explanation()), ASSyntax.createNumber(v.time()));
    }

    /** {@code rule(Name, Value, Level, Severity, Path)}. */
    static Term rule(RuleInfo r) {
        return ASSyntax.createLiteral("rule", ASSyntax.createString(r.name()), word(r.value()),
                ASSyntax.createAtom(r.level().name().toLowerCase(Locale.ROOT)),
                ASSyntax.createAtom(r.severity().name().toLowerCase(Locale.ROOT)),
                ASSyntax.createAtom(r.path().name().toLowerCase(Locale.ROOT)));
    }

    /** An atom when the text is one ({@code honesty}), else a string. */
    static Term word(String text) {
        return JasonTerms.toJason(vigil.core.Term.word(text));
    }

    /** An agent or value name given as an atom or a string. */
    static String name(Term t, String action, String what) throws JasonException {
        if (t.isString()) {
            return ((StringTerm) t).getString();
        }
        if (t.isAtom()) {
            return t.toString();
        }
        throw new JasonException("vigil." + action + ": " + what + " must be an atom or a string, not " + t);
    }
}
