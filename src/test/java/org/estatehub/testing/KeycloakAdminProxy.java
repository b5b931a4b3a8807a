package org.estatehub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A TCP proxy between the service's onboarding client and the real Keycloak, so tests can make Keycloak
 * fail for real: {@link Mode#DOWN} closes the port (connections refused), {@link Mode#HANG} accepts and
 * never answers (the client's timeout), {@link Mode#ERROR} answers 500 itself. In {@link Mode#FORWARD} every
 * byte goes to Keycloak and back unchanged. Registered for the whole suite (not one test class), so every
 * Quarkus test shares one application and one configuration: `estatehub.onboarding.realm-url` points here.
 */
public class KeycloakAdminProxy implements QuarkusTestResourceLifecycleManager {

    public enum Mode {
        FORWARD, DOWN, HANG, ERROR
    }

    private static volatile Mode mode = Mode.FORWARD;
    private static volatile ServerSocket listener;
    private static volatile int port;
    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();
    private static final URI UPSTREAM = URI.create(Keycloak.REALM_URL);

    /** Switches the proxy; DOWN closes the port and every open connection, FORWARD opens it again. */
    public static synchronized void mode(Mode next) {
        mode = next;
        if (next == Mode.DOWN) {
            closeAll();
        } else if (listener == null || listener.isClosed()) {
            listen(port);
        }
        if (next != Mode.FORWARD) {
            // Pooled keep-alive connections would otherwise still reach Keycloak.
            OPEN.forEach(KeycloakAdminProxy::closeQuietly);
        }
    }

    @Override
    public Map<String, String> start() {
        listen(0);
        return Map.of("estatehub.onboarding.realm-url",
                "http://localhost:" + port + UPSTREAM.getPath());
    }

    @Override
    public void stop() {
        closeAll();
    }

    private static void listen(int at) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), at));
            listener = socket;
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("the Keycloak proxy could not listen on " + at, e);
        }
        Thread accept = new Thread(() -> accept(listener), "keycloak-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private static void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                OPEN.add(client);
                switch (mode) {
                    case FORWARD -> forward(client);
                    case HANG -> { /* read nothing, answer nothing: the client times out */ }
                    case ERROR -> answer500(client);
                    case DOWN -> closeQuietly(client);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void forward(Socket client) throws IOException {
        Socket upstream = new Socket(UPSTREAM.getHost(), UPSTREAM.getPort());
        OPEN.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "keycloak-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void answer500(Socket client) {
        Thread thread = new Thread(() -> {
            try (client) {
                client.getInputStream().read(new byte[8192]);
                byte[] body = "{\"error\":\"unknown_error\"}".getBytes(StandardCharsets.UTF_8);
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // client gone
            } finally {
                OPEN.remove(client);
            }
        }, "keycloak-proxy-500");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeAll() {
        ServerSocket held = listener;
        if (held != null) {
            closeQuietly(held);
        }
        OPEN.forEach(KeycloakAdminProxy::closeQuietly);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
        if (closeable instanceof Socket s) {
            OPEN.remove(s);
        }
    }
}
