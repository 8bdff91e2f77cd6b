package vigil.jacamo;

import jason.asSyntax.Structure;
import jason.environment.Environment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test environment where every action succeeds and is recorded as {@code "agent action"}. */
public class FieldEnv extends Environment {

    static final List<String> PERFORMED = new CopyOnWriteArrayList<>();

    @Override
    public void init(String[] args) {
        PERFORMED.clear();
    }

    @Override
    public boolean executeAction(String agent, Structure action) {
        PERFORMED.add(agent + " " + action);
        return true;
    }
}
