import jason.asSyntax.Literal;
import jason.asSyntax.NumberTerm;
import jason.asSyntax.Structure;
import jason.environment.Environment;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.TreeMap;

/**
 * The sea of the fishers of this JVM: it opens one round two seconds after the start ({@code round(1)}) and
 * performs each {@code harvest(N)}; when the MAS stops it prints what was taken, by whom.
 */
public class Sea extends Environment {

    private final Map<String, Double> taken = new TreeMap<>();
    private final Timer timer = new Timer("sea", true);

    @Override
    public void init(String[] args) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                addPercept(Literal.parseLiteral("round(1)"));
                informAgsEnvironmentChanged();
            }
        }, 2000);
    }

    @Override
    public synchronized boolean executeAction(String agent, Structure action) {
        if (!action.getFunctor().equals("harvest") || action.getArity() != 1) {
            return false;
        }
        try {
            taken.merge(agent, ((NumberTerm) action.getTerm(0)).solve(), Double::sum);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public synchronized void stop() {
        timer.cancel();
        double total = taken.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder by = new StringBuilder();
        taken.forEach((a, n) -> by.append(by.length() == 0 ? "" : ", ").append(a).append(' ').append(Math.round(n)));
        System.out.println("the sea: " + Math.round(total) + " tonnes taken (" + by + ")");
        super.stop();
    }
}
