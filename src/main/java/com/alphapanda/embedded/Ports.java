package com.alphapanda.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a free loopback port when the configured one is 0. */
final class Ports {

    private Ports() {
    }

    /**
     * Free ports for every 0 among the configured ones (others are kept), all distinct: the sockets stay open until
     * every port is chosen, so servers started in parallel never pick the same one.
     */
    static int[] allocate(int... configured) {
        int[] ports = configured.clone();
        java.util.List<ServerSocket> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {
                if (ports[i] == 0) {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    open.add(socket);
                    ports[i] = socket.getLocalPort();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we opened: nothing to recover
                }
            }
        }
    }

    static int resolve(int configured) {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
