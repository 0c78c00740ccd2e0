package com.alphapanda.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on localhost in front of the application, whose connections a test can cut (and keep refusing) to
 * lose the browser's live stream the way a network failure does, then restore.
 */
final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;

    CuttableProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("cuttable-proxy").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Cuts every open connection and refuses new ones until {@link #restore()}. */
    void cut() {
        up = false;
        open.forEach(CuttableProxy::closeQuietly);
        open.clear();
    }

    void restore() {
        up = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> relay(client, upstream));
                Thread.ofVirtual().start(() -> relay(upstream, client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new IllegalStateException("proxy failed", e);
                }
            }
        }
    }

    private void relay(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the connection was cut or closed: close the other side too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
