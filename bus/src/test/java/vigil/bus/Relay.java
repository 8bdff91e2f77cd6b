package vigil.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jason.JasonException;
import jason.asSemantics.Message;
import jason.asSyntax.ASSyntax;
import jason.infra.local.BaseLocalMAS;
import jason.infra.local.LocalAgArch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tests' stand-in for a MAS infrastructure that spans JVMs (what JADE's containers do): it carries the
 * agents' messages, and nothing of Vigil, between two JVMs of plain Jason agents over a socket on
 * 127.0.0.1. An agent of the other JVM is a {@link Remote} in this JVM's runner, so Jason's local
 * infrastructure delivers to it as to any agent and the sender's Vigil gate judges the message as usual;
 * the relay hands what arrives to the receiver's mailbox, where the receiver's gate judges it on arrival
 * (it carries no seal of this JVM). A message to a JVM that is gone is dropped (and said).
 */
final class Relay implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServerSocket server;
    private final Path peerPort;
    private Writer peer;

    private Relay(ServerSocket server, Path peerPort) {
        this.server = server;
        this.peerPort = peerPort;
    }

    /** Listens on a free port, written to {@code ownPort}; sends to the JVM whose port is (to be) in {@code peerPort}. */
    static Relay open(Path ownPort, Path peerPort) throws IOException {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Relay r = new Relay(s, peerPort);
        Thread t = new Thread(r::accept, "relay-accept");
        t.setDaemon(true);
        t.start();
        Path tmp = ownPort.resolveSibling(ownPort.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(s.getLocalPort()));
        Files.move(tmp, ownPort, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return r;
    }

    /** Puts a stand-in for {@code agent} of the other JVM into this JVM's runner. */
    void standIn(String agent) throws JasonException {
        BaseLocalMAS.getRunner().addAg(new Remote(agent, this));
    }

    /** Takes the stand-ins out of the runner again (before the MAS stops: they have no reasoning cycle to stop). */
    void withdraw() {
        BaseLocalMAS runner = BaseLocalMAS.getRunner();
        if (runner != null) {
            runner.getAgs().values().removeIf(a -> a instanceof Remote);
        }
    }

    private synchronized void forward(Message m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("ilf", m.getIlForce());
        o.put("sender", m.getSender());
        o.put("receiver", m.getReceiver());
        o.put("id", m.getMsgId());
        o.put("inReplyTo", m.getInReplyTo());
        o.put("content", String.valueOf(m.getPropCont()));
        try {
            if (peer == null) {
                int port = Integer.parseInt(Files.readString(peerPort).trim());
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                peer = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            }
            peer.write(o.toString());
            peer.write('\n');
            peer.flush();
        } catch (IOException | RuntimeException e) {
            System.out.println("relay: the other JVM is unreachable, dropped a message to " + m.getReceiver() + " (" + e + ")");
            peer = null;
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> deliver(s), "relay-in");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void deliver(Socket s) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode o = MAPPER.readTree(line);
                String receiver = o.get("receiver").asText();
                LocalAgArch to = BaseLocalMAS.getRunner().getAg(receiver);
                if (to == null || to instanceof Remote) {
                    System.out.println("relay: no agent " + receiver + " here");
                    continue;
                }
                Message m = new Message(o.get("ilf").asText(), o.get("sender").asText(), receiver,
                        ASSyntax.parseTerm(o.get("content").asText()), o.get("id").asText());
                if (!o.path("inReplyTo").isNull()) {
                    m.setInReplyTo(o.get("inReplyTo").asText());
                }
                to.receiveMsg(m);
            }
        } catch (Exception e) {
            if (!server.isClosed()) {
                System.out.println("relay: a connection ended: " + e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** An agent of the other JVM, as this JVM's runner sees it: what is sent to it goes to the relay. */
    static final class Remote extends LocalAgArch {

        private static final long serialVersionUID = 1L;
        private final transient Relay relay;

        Remote(String agent, Relay relay) throws JasonException {
            this.relay = relay;
            setAgName(agent);
        }

        @Override
        public void receiveMsg(Message m) {
            relay.forward(m);
        }

        @Override
        public void stopAg() {
            // Nothing runs here: the agent lives in the other JVM.
        }
    }
}
