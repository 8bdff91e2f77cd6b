import jason.asSyntax.Structure;

import java.util.logging.Logger;

public class BEnv extends jason.environment.Environment {

    @Override
    public boolean executeAction(String ag, Structure action) {
        return true;
    }
}
