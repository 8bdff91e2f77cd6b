package vigil.jacamo.run;

import jade.core.Profile;
import jade.core.ProfileImpl;
import jade.wrapper.AgentController;
import jade.wrapper.ContainerController;
import jade.wrapper.ControllerException;
import jason.infra.jade.JadeAgArch;
import jason.infra.jade.JadeEnvironment;
import jason.mas2j.AgentParameters;
import jason.mas2j.ClassParameters;
import jason.mas2j.MAS2JProject;
import jason.runtime.DelegatedRuntimeServices;
import jason.runtime.RuntimeServices;
import jason.runtime.RuntimeServicesFactory;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import vigil.jacamo.MonitoredArch;

/**
 * This JVM's part of a Jason project on JADE ({@code infrastructure: Jade}), headless: the main container
 * (the environment and the agents declared without {@code at "CONTAINER"}) or one container of agents (those
 * declared {@code at "NAME"}), joining the main container at {@code host:port}. No GUI, no RMA or sniffer, no
 * HTTP MTP (containers talk over JADE's own transport on the given address only), and {@code .stopMAS} kills
 * the platform but not the JVM. Each agent here runs with {@link MonitoredArch} first, judged by this JVM's
 * monitor. Not a {@code RunLocalMAS}: Jason's local runner would claim the agents of other JVMs do not exist.
 */
public final class JadeRun implements RunningMas {

    /** Where this JVM's part runs: the main container when {@code container} is null. */
    public record Place(String container, String host, int port) {
        public boolean main() {
            return container == null;
        }

        public String address() {
            return host + ":" + port;
        }
    }

    /** Held here: java.util.logging keeps loggers weakly, and a level set on a collected one is lost. */
    private static final List<java.util.logging.Logger> QUIET = List.of(java.util.logging.Logger.getLogger("jade"),
            java.util.logging.Logger.getLogger("jason.infra.jade"));

    private final ContainerController cc;
    private final List<String> agents;
    private final boolean main;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile int exitValue;

    private JadeRun(ContainerController cc, List<String> agents, boolean main) {
        this.cc = cc;
        this.agents = agents;
        this.main = main;
    }

    /** The containers a project on JADE names ({@code at "NAME"}), sorted; empty when all its agents are in the main one. */
    public static List<String> containers(MAS2JProject project) {
        Set<String> names = new TreeSet<>();
        for (AgentParameters ap : project.getAgents()) {
            if (ap.getHost() != null && !ap.getHost().isBlank()) {
                names.add(ap.getHost());
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Starts this JVM's container and its agents, {@code only} naming the agents to monitor (empty: every one
     * here, and those created later; null: as the project declares). Throws {@link ProjectException} in the
     * user's terms when the container cannot start or join.
     */
    public static JadeRun start(Path projectFile, Set<String> only, Place place) {
        MAS2JProject project = JasonProject.load(projectFile);
        if (!project.isJade()) {
            throw new ProjectException(projectFile + ": not a project on JADE (infrastructure: Jade)");
        }
        List<String> containers = containers(project);
        if (!place.main() && !containers.contains(place.container())) {
            throw new ProjectException("--jade-container " + place.container() + ": " + projectFile
                    + " puts no agent there (its containers: " + (containers.isEmpty() ? "none" : String.join(", ", containers)) + ")");
        }
        Set<String> declared = new TreeSet<>();
        for (AgentParameters ap : project.getAgents()) {
            declared.add(ap.name);
        }
        Set<String> unknown = new TreeSet<>(only == null ? Set.of() : only);
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            throw new ProjectException("--monitor: " + projectFile + " declares no agent " + String.join(", ", unknown)
                    + " (its agents: " + String.join(", ", declared) + ")");
        }
        // JADE's and Jason's JADE classes report each start and stop at INFO: only their warnings are shown.
        QUIET.forEach(l -> {
            if (l.getLevel() == null) {
                l.setLevel(java.util.logging.Level.WARNING);
            }
        });
        // Jason's web mind inspector (a fixed port) stays off, as in the local runs.
        jason.util.Config.get().put(jason.util.Config.START_WEB_MI, "false");
        jade.core.Runtime platform = jade.core.Runtime.instance();
        platform.setCloseVM(false);
        ContainerController cc;
        try {
            Profile profile = profile(place, project.getSocName());
            cc = place.main() ? platform.createMainContainer(profile) : platform.createAgentContainer(profile);
        } catch (RuntimeException | LinkageError e) {
            throw new ProjectException(projectFile + ": JADE's " + where(place) + " could not start: " + Display.describe(e));
        }
        if (cc == null) {
            throw new ProjectException(projectFile + ": JADE's " + where(place) + " could not start"
                    + (place.main() ? " (is " + place.address() + " free?)" : " (is the main container running at " + place.address() + "?)"));
        }
        JadeRun run;
        List<String> names = new ArrayList<>();
        Map<String, AgentController> created = new LinkedHashMap<>();
        AgentController environment = null;
        String arch = MonitoredArch.class.getName();
        try {
            run = new JadeRun(cc, names, place.main());
            RuntimeServicesFactory.set(new Services(jadeServices(cc), run));
            if (only != null && only.isEmpty()) {
                RuntimeServicesFactory.get().registerDefaultAgArch(arch);
            }
            platform.invokeOnTermination(run::onTermination);
            ClassParameters env = project.getEnvClass();
            if (place.main() && env != null && !env.getClassName().equals(jason.environment.Environment.class.getName())) {
                environment = cc.createNewAgent(jason.infra.jade.RunJadeMAS.environmentName, JadeEnvironment.class.getName(),
                        new Object[] {env});
            }
            for (AgentParameters ap : project.getAgents()) {
                boolean here = place.main() ? ap.getHost() == null || ap.getHost().isBlank() : place.container().equals(ap.getHost());
                if (!here) {
                    continue;
                }
                if (only != null && (only.isEmpty() || only.contains(ap.name)) && !ap.getAgArchClasses().contains(arch)) {
                    ap.insertArchClass(new ClassParameters(arch));
                }
                for (int i = 0; i < Math.max(1, ap.getNbInstances()); i++) {
                    String name = ap.getNbInstances() > 1 ? ap.name + (i + 1) : ap.name;
                    created.put(name, cc.createNewAgent(name, JadeAgArch.class.getName(), new Object[] {ap, false, false}));
                    names.add(name);
                }
            }
        } catch (ControllerException | java.rmi.RemoteException | RuntimeException e) {
            kill(cc);
            throw new ProjectException(projectFile + ": the agents of JADE's " + where(place) + " could not be created: "
                    + Display.describe(e));
        }
        names.sort(null);
        try {
            if (environment != null) {
                environment.start();
            }
            for (AgentController a : created.values()) {
                a.start();
            }
        } catch (ControllerException e) {
            kill(cc);
            throw new ProjectException(projectFile + ": the agents of JADE's " + where(place) + " could not start: "
                    + Display.describe(e));
        }
        return run;
    }

    private static String where(Place place) {
        return place.main() ? "main container (" + place.address() + ")" : "container " + place.container()
                + " (joining " + place.address() + ")";
    }

    /** A headless profile on {@code host}: no GUI, no HTTP MTP, this JVM's transport on the given port. */
    private static Profile profile(Place place, String platform) {
        ProfileImpl p = new ProfileImpl(place.main());
        p.setParameter(Profile.MAIN_HOST, place.host());
        p.setParameter(Profile.MAIN_PORT, String.valueOf(place.port()));
        if (place.main() || loopback(place.host())) {
            // This JVM's transport on the main container's address: on one machine, the loopback only.
            p.setParameter(Profile.LOCAL_HOST, place.host());
        }
        p.setParameter(Profile.GUI, "false");
        p.setParameter(Profile.NO_MTP, "true");
        if (place.main()) {
            p.setParameter(Profile.LOCAL_PORT, String.valueOf(place.port()));
            p.setParameter(Profile.PLATFORM_ID, platform == null || platform.isBlank() ? "vigil" : platform);
        } else {
            p.setParameter(Profile.LOCAL_PORT, String.valueOf(Ports.free(place.host())));
            p.setParameter(Profile.CONTAINER_NAME, place.container());
        }
        return p;
    }

    private static boolean loopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Jason's services for JADE; its constructor is package-private (RunJadeMAS makes it). */
    private static RuntimeServices jadeServices(ContainerController cc) {
        try {
            Constructor<?> make = Class.forName("jason.infra.jade.JadeRuntimeServices", true, JadeAgArch.class.getClassLoader())
                    .getDeclaredConstructor(ContainerController.class, jade.core.Agent.class);
            make.setAccessible(true);
            return (RuntimeServices) make.newInstance(cc, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ProjectException("cannot make Jason's runtime services for JADE: " + Display.describe(e));
        }
    }

    private void onTermination() {
        stopped.countDown();
        terminated.countDown();
    }

    @Override
    public List<String> agents() {
        return agents;
    }

    @Override
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int exitValue() {
        return exitValue;
    }

    /** Kills the whole platform (every container, whichever JVM it runs in); this container at least. */
    private void killPlatform() {
        try {
            cc.getPlatformController().kill();
        } catch (ControllerException | RuntimeException e) {
            kill(cc);
        }
    }

    /**
     * Kills the platform (from the main container) or this container, and waits until JADE has ended here.
     * The main container's close kills the containers still on the platform too, but JADE then reports each of
     * their agents' deaths to a main container that has forgotten them (a stack trace in each container's JVM):
     * stop the containers first ({@code vigil run} does).
     */
    @Override
    public void close() {
        if (terminated.getCount() > 0) {
            if (main) {
                killPlatform();
            } else {
                kill(cc);
            }
        }
        try {
            terminated.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JasonRun.cleanUp();
    }

    private static void kill(ContainerController cc) {
        try {
            cc.kill();
        } catch (ControllerException | RuntimeException e) {
            // Already gone.
        }
    }

    /**
     * Jason's services for JADE, but {@code .stopMAS} kills the platform without ending the JVM, and does kill
     * it: Jason's own (3.2.1 and 3.3.0) clears its container before the thread it starts to kill the platform
     * reads it, so that thread fails with a NullPointerException and the platform runs on.
     */
    private static final class Services extends DelegatedRuntimeServices {
        private final JadeRun run;

        Services(RuntimeServices jade, JadeRun run) {
            super(jade);
            this.run = run;
        }

        @Override
        public void stopMAS(int deadline, boolean stopJVM, int exitValue) {
            synchronized (run) {
                if (run.stopped.getCount() == 0) {
                    return;
                }
                run.exitValue = exitValue;
                run.stopped.countDown();
            }
            if (!run.main) {
                // From a container: the whole platform stops (the main JVM's run ends when it does). Not in the
                // agent's thread: killing the platform ends this agent too, and .stopMAS must not block it.
                Thread kill = new Thread(run::killPlatform, "vigil-jade-stop");
                kill.setDaemon(true);
                kill.start();
            }
            // From the main container: close() stops the platform, once the command has stopped the containers.
        }
    }
}
