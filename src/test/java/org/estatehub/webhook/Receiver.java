package org.estatehub.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner system's webhook endpoint, for real, inside the test: every request it got (headers and body
 * as received) and the answer chosen by `behaviour` from the request's number (0, 1, ...). A negative
 * answer means: sleep that many milliseconds, then answer 200 (a receiver slower than the read timeout).
 */
final class Receiver implements AutoCloseable {

    record Request(String id, String timestamp, String signature, String body, long receivedAtNanos) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntFunction<Integer> behaviour;
    private HttpServer server;
    private int port;

    Receiver(IntFunction<Integer> behaviour) throws IOException {
        this.behaviour = behaviour;
        start(0);
    }

    static Receiver ok() throws IOException {
        return new Receiver(n -> 200);
    }

    void behave(IntFunction<Integer> behaviour) {
        this.behaviour = behaviour;
    }

    String url() {
        return "http://localhost:" + port + "/hooks/estatehub";
    }

    /** Listens again on the same port (after {@link #stop()}). */
    void start() throws IOException {
        start(port);
    }

    private void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            long at = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var h = exchange.getRequestHeaders();
            requests.add(new Request(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"), body, at));
            int answer = behaviour.apply(count.getAndIncrement());
            if (answer < 0) {
                try {
                    Thread.sleep(-answer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer = 200;
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }
}
