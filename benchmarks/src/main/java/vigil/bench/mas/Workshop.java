package vigil.bench.mas;

import jason.asSyntax.Structure;
import jason.environment.Environment;

/** The benchmark MAS's environment: every action succeeds at once, so what is measured is the agents and the monitor. */
public class Workshop extends Environment {

    @Override
    public boolean executeAction(String agName, Structure action) {
        return true;
    }
}
