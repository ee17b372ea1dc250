package dev.atrium.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on the loopback interface, for tests of how the application delivers mail over the
 * wire: it speaks just enough SMTP (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for a client, keeps every
 * message it accepts, and can refuse: all mail for a while ({@link #refuseAll}), with a temporary 451 as a
 * server that is down for maintenance answers, or mail to given addresses always ({@link #refuseRecipient}).
 */
public final class SmtpServer implements AutoCloseable {

    /** A message accepted: its envelope recipients and its raw content (headers and body). */
    public record Message(List<String> recipients, String content) {
        public String subject() {
            for (String line : content.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
                    return line.substring(8).strip();
                }
            }
            return "";
        }
    }

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Message> accepted = new CopyOnWriteArrayList<>();
    private final Set<String> refusedRecipients = new CopyOnWriteArraySet<>();
    private final AtomicBoolean refusingAll = new AtomicBoolean();
    private final AtomicInteger refusals = new AtomicInteger();

    private SmtpServer(ServerSocket socket) {
        this.socket = socket;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static SmtpServer start() throws IOException {
        SmtpServer server = new SmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        server.connections.execute(server::accept);
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** While true, every message is refused with 451 (try again later); none is accepted. */
    public void refuseAll(boolean refuse) {
        refusingAll.set(refuse);
    }

    /** Mail to this address is refused with 550, always. */
    public void refuseRecipient(String address) {
        refusedRecipients.add(address.toLowerCase(Locale.ROOT));
    }

    /** How many times a message was refused so far. */
    public int refusals() {
        return refusals.get();
    }

    public List<Message> accepted() {
        return List.copyOf(accepted);
    }

    public List<Message> acceptedFor(String recipient) {
        return accepted.stream().filter(m -> m.recipients().contains(recipient.toLowerCase(Locale.ROOT))).toList();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> converse(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            // a greeting sent the instant the connection opens is now and then missed by the Vert.x mail client,
            // which then waits for it until its send times out; servers on a network answer a little later
            Thread.sleep(20);
            reply(out, "220 test-smtp ready");
            List<String> recipients = new ArrayList<>();
            boolean refusing = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 test-smtp");
                    case "MAIL" -> {
                        recipients.clear();
                        refusing = refusingAll.get();
                        if (refusing) {
                            refusals.incrementAndGet();
                            reply(out, "451 4.3.2 Service not available now, try again later");
                        } else {
                            reply(out, "250 OK");
                        }
                    }
                    case "RCPT" -> {
                        String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                        if (refusing) {
                            reply(out, "503 5.5.1 No sender");
                        } else if (refusedRecipients.contains(address)) {
                            refusals.incrementAndGet();
                            reply(out, "550 5.1.1 No such mailbox here");
                        } else {
                            recipients.add(address);
                            reply(out, "250 OK");
                        }
                    }
                    case "DATA" -> {
                        if (refusing || recipients.isEmpty()) {
                            reply(out, "554 5.5.1 No valid recipients");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder content = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            content.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
                        }
                        accepted.add(new Message(List.copyOf(recipients), content.toString()));
                        recipients.clear();
                        reply(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        refusing = false;
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not implemented");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
