package io.tokenlife.app.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Whether HOST:PORT can be listened on, asked before the database is opened and migrated: a second
 * server on a busy port must refuse without touching anything.
 */
final class FreePort {
    private FreePort() {
    }

    /** Binds and releases {@code host:port}; {@code port} 0 is always free. */
    static void require(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty does: a port in TIME_WAIT is free
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException | RuntimeException e) {
            throw refusal(host, port, e);
        }
    }

    static StartupRefusedException refusal(String host, int port, Exception e) {
        return new StartupRefusedException(List.of("cannot listen on " + host + ":" + port + " (HOST, PORT): "
                + e.getMessage()));
    }
}
