package vigil.samples;

import jason.asSemantics.Agent;
import jason.asSyntax.Literal;
import jason.infra.local.BaseLocalMAS;
import jason.infra.local.LocalAgArch;

/**
 * What an agent of the running MAS believes, read by a scenario's environment for its ground truth (the
 * script's own state, such as an adversary having switched tactics), never by the monitor. Called between
 * phases, when the agents are idle.
 */
final class Beliefs {

    private Beliefs() {
    }

    /** Whether {@code agent} holds a belief that unifies with {@code literal} (AgentSpeak syntax). */
    static boolean holds(String agent, String literal) {
        BaseLocalMAS runner = BaseLocalMAS.getRunner();
        LocalAgArch arch = runner == null ? null : runner.getAg(agent);
        if (arch == null) {
            return false;
        }
        // Read between rounds, when every agent is idle (ScenarioEnv.settle), so nothing changes the beliefs meanwhile.
        Agent ag = arch.getTS().getAg();
        return ag.believes(Literal.parseLiteral(literal), new jason.asSemantics.Unifier());
    }
}
