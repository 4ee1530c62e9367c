package org.partnerdesk.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #11: a mail server that hangs. {@link Mode#HANG} accepts and never answers; {@link Mode#HANG_AFTER_DATA} takes
 * a whole message and never confirms it (the sender cannot know whether it arrived); {@link Mode#ANSWER} is a plain server.
 */
final class StallingSmtpServer implements AutoCloseable {

    enum Mode { ANSWER, HANG, HANG_AFTER_DATA }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

    private final ServerSocket server;
    private final List<String> messages = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private volatile Mode mode = Mode.ANSWER;

    StallingSmtpServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "stalling-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The messages received whose text contains {@code text}, each as it arrived. */
    synchronized List<String> messagesContaining(String text) {
        return messages.stream().filter(message -> message.contains(text)).toList();
    }

    static String messageId(String message) {
        Matcher matcher = MESSAGE_ID.matcher(message);
        if (!matcher.find()) {
            throw new AssertionError("no Message-ID in " + message);
        }
        return matcher.group(1);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (this) {
                    open.add(socket);
                }
                Thread talker = new Thread(() -> talk(socket), "stalling-smtp-session");
                talker.setDaemon(true);
                talker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void talk(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = socket.getOutputStream();
            if (mode == Mode.HANG) {
                drain(in);
                return;
            }
            say(out, "220 stalling.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> say(out, "250 stalling.test");
                    case "DATA" -> {
                        say(out, "354 end with .");
                        StringBuilder message = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            message.append(line).append("\n");
                        }
                        synchronized (this) {
                            messages.add(message.toString());
                        }
                        if (mode == Mode.HANG_AFTER_DATA) {
                            drain(in);
                            return;
                        }
                        say(out, "250 queued");
                    }
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client gave up (its timeout) or the server closed: nothing to answer
        }
    }

    // hold the connection without a word until the client gives up
    private static void drain(BufferedReader in) throws IOException {
        while (in.readLine() != null) {
            // ignore
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
