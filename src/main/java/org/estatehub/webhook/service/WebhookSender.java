package org.estatehub.webhook.service;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.time.PartnershipCalendar;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one attempt: resolves the target's host, refuses it unless every address it resolves to passes
 * {@link WebhookAddressPolicy}, then connects to the address it judged (never to a second lookup, which a
 * rebinding name could answer differently) with the URL's host name for the Host header and TLS. No
 * redirects are followed (a 3xx is a failed attempt). The whole answer must arrive within the read timeout.
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    @Inject
    WebhookConfig config;

    private HttpClient client;
    private WebhookAddressPolicy policy;

    @PostConstruct
    void start() {
        policy = new WebhookAddressPolicy(config.allowedNetworks().orElse(List.of()));
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(Math.max(4, config.workers()))
                .setForceSni(true)
                .setVerifyHost(true));
    }

    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    /** The webhook-timestamp header: seconds since the epoch, from the service's clock. */
    long timestamp() {
        return clock.instant().getEpochSecond();
    }

    public WebhookQueue.Outcome send(WebhookQueue.Claimed d) {
        OffsetDateTime startedAt = PartnershipCalendar.timestamp(clock);
        long started = System.nanoTime();
        URI uri = URI.create(d.url());
        String host = uri.getHost();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        InetAddress target;
        try {
            Optional<String> refused = Optional.empty();
            InetAddress[] addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            for (InetAddress address : addresses) {
                Optional<String> why = policy.refusal(address);
                if (why.isPresent()) {
                    refused = Optional.of("refused: " + host + " resolves to " + address.getHostAddress() + ", " + why.get()
                            + " (SSRF policy; estatehub.webhooks.allowed-networks)");
                    break;
                }
            }
            if (refused.isPresent()) {
                return new WebhookQueue.Outcome(null, refused.get(), elapsed(started), startedAt);
            }
            target = addresses[0];
        } catch (UnknownHostException e) {
            return new WebhookQueue.Outcome(null, "could not resolve " + host, elapsed(started), startedAt);
        }

        long timestamp = timestamp();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(host)
                .setPort(port)
                .setURI(path)
                .setSsl(https)
                .setServer(SocketAddress.inetSocketAddress(port, target.getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.readTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "EstateHub-Webhooks/1")
                .putHeader("webhook-id", d.webhookId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.header(d.keys(), d.webhookId(), timestamp, d.payload()));
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        var answer = client.request(options).compose(req -> {
            request.set(req);
            return req.send(d.payload()).compose(resp -> {
                List<String> location = new ArrayList<>();
                if (resp.getHeader("location") != null) {
                    location.add(resp.getHeader("location"));
                }
                // The body is read and dropped: only the status counts, and nothing of it is kept.
                resp.handler(buffer -> {
                });
                return resp.end().map(v -> new int[] {resp.statusCode()}).map(code -> {
                    if (code[0] >= 300 && code[0] < 400) {
                        throw new RedirectRefused(code[0], location.isEmpty() ? "" : location.get(0));
                    }
                    return code[0];
                });
            });
        }).toCompletionStage().toCompletableFuture();
        long deadline = config.connectTimeout().toMillis() + config.readTimeout().toMillis();
        try {
            int status = answer.get(deadline, TimeUnit.MILLISECONDS);
            int latency = elapsed(started);
            return status >= 200 && status < 300 ? new WebhookQueue.Outcome(status, null, latency, startedAt)
                    : new WebhookQueue.Outcome(status, "HTTP " + status, latency, startedAt);
        } catch (TimeoutException e) {
            HttpClientRequest req = request.get();
            if (req != null) {
                req.reset();
            }
            answer.cancel(true);
            return new WebhookQueue.Outcome(null, "timed out after " + deadline + " ms", elapsed(started), startedAt);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RedirectRefused r) {
                return new WebhookQueue.Outcome(r.status, "redirect refused (" + r.status + " to " + r.location + ")",
                        elapsed(started), startedAt);
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (cause.getClass().getSimpleName().contains("Timeout")) {
                // Vert.x's own connect or idle timeout, before the overall deadline.
                return new WebhookQueue.Outcome(null, "timed out: " + abbreviate(message), elapsed(started), startedAt);
            }
            return new WebhookQueue.Outcome(null, "connection failed: " + abbreviate(message), elapsed(started), startedAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookQueue.Outcome(null, "interrupted (the instance is stopping)", elapsed(started), startedAt);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static int elapsed(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static final class RedirectRefused extends RuntimeException {
        final int status;
        final String location;

        RedirectRefused(int status, String location) {
            super("redirect refused", null, false, false);
            this.status = status;
            this.location = location;
        }
    }
}
