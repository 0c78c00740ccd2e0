package com.alphapanda.marketfeed;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for KiteTicker on loopback: a minimal RFC 6455 WebSocket server that checks {@code api_key} and
 * {@code access_token} on the upgrade request, records the client's text messages per connection, sends a 1-byte
 * heartbeat every 200 ms (unless told to fall silent), and sends the binary and text frames a test gives it. It can
 * drop a connection without a close frame, as a broken network does.
 */
public final class FakeKiteTicker implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One client connection. */
    public static final class Connection {
        final List<String> received = new CopyOnWriteArrayList<>();
        final Socket socket;
        volatile boolean silent;

        Connection(Socket socket) {
            this.socket = socket;
        }

        synchronized void send(int opcode, byte[] payload) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else {
                out.write(126);
                out.write((payload.length >> 8) & 0xff);
                out.write(payload.length & 0xff);
            }
            out.write(payload);
            out.flush();
        }
    }

    private final ServerSocket server;
    private final String apiKey;
    private final String accessToken;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean heartbeats = true;

    public FakeKiteTicker(String apiKey, String accessToken) throws IOException {
        this.apiKey = apiKey;
        this.accessToken = accessToken;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.add(Thread.ofVirtual().start(this::accept));
        threads.add(Thread.ofVirtual().start(this::beat));
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    Connection latest() {
        return connections.getLast();
    }

    /** Stops heartbeats and data on every open connection (the socket stays open). */
    void fallSilent() {
        connections.forEach(c -> c.silent = true);
    }

    void stopHeartbeats() {
        heartbeats = false;
    }

    /** Closes the latest connection's socket abruptly, with no close frame. */
    void dropLatest() throws IOException {
        latest().socket.close();
    }

    public void sendBinary(byte[] frame) throws IOException {
        latest().send(2, frame);
    }

    void sendText(String text) throws IOException {
        latest().send(1, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection c : connections) {
            c.socket.close();
        }
        threads.forEach(Thread::interrupt);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            List<String> request = readHeaders(in);
            String key = request.stream().filter(h -> h.toLowerCase().startsWith("sec-websocket-key:"))
                    .map(h -> h.substring(h.indexOf(':') + 1).trim()).findFirst().orElse("");
            if (!request.getFirst().contains("api_key=" + apiKey) || !request.getFirst()
                    .contains("access_token=" + accessToken)) {
                socket.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Connection connection = new Connection(socket);
            connections.add(connection);
            readFrames(new DataInputStream(in), connection);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            // the client went away or the test dropped the connection
        }
    }

    private static List<String> readHeaders(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII).trim();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        throw new IOException("the client closed during the handshake");
    }

    private static void readFrames(DataInputStream in, Connection connection) throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((second & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            switch (first & 0x0f) {
                case 1 -> connection.received.add(new String(payload, StandardCharsets.UTF_8));
                case 8 -> {
                    connection.send(8, payload);
                    return;
                }
                case 9 -> connection.send(10, payload);
                default -> { }
            }
        }
    }

    private void beat() {
        while (!server.isClosed()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            for (Connection c : connections) {
                if (heartbeats && !c.silent && !c.socket.isClosed()) {
                    try {
                        c.send(2, new byte[] {0});
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
            }
        }
    }
}
