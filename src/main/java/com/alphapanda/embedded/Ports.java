package com.alphapanda.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks free loopback ports for servers whose port is configured as 0. Ports come from 20000–32767, below Linux's
 * ephemeral range (32768–60999), so no outgoing connection of this or another process can take a port between the
 * moment it is chosen and the moment the server binds it.
 */
final class Ports {

    static final int FIRST = 20_000;
    static final int LAST = 32_767;
    private static final int ATTEMPTS = 200;

    private Ports() {
    }

    /**
     * Free ports for every 0 among the configured ones (others are kept), all distinct: the sockets stay open until
     * every port is chosen, so servers started in parallel never pick the same one.
     */
    static int[] allocate(int... configured) {
        int[] ports = configured.clone();
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {
                if (ports[i] == 0) {
                    ServerSocket socket = bindFree();
                    open.add(socket);
                    ports[i] = socket.getLocalPort();
                }
            }
            return ports;
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
        return allocate(configured)[0];
    }

    private static ServerSocket bindFree() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            try {
                return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
            } catch (IOException inUse) {
                // try another one
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + FIRST + " and " + LAST));
    }
}
