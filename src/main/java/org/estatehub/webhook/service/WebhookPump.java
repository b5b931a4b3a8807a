package org.estatehub.webhook.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * This instance's share of the webhook work: one thread moves subscriptions along the feed, another claims
 * due deliveries for a pool of sending threads. Every step is a short transaction of its own on the queue in
 * PostgreSQL, so any number of instances can run beside each other and a stopped one loses nothing: what it
 * had claimed is retried by another once its lease has passed.
 */
@ApplicationScoped
public class WebhookPump {

    private static final Logger LOG = Logger.getLogger(WebhookPump.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookQueue queue;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookConfig config;

    /** Names this instance in leases and the attempt log. */
    final String instance = "estatehub-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService workers;
    private Thread loop;
    private Thread dispatcher;

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "webhook-pump");
        loop.setDaemon(true);
        loop.start();
        dispatcher = new Thread(this::dispatchLoop, "webhook-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (loop != null) {
            wake.release();
            dispatcher.interrupt();
            workers.shutdown();
            try {
                workers.awaitTermination(config.connectTimeout().plus(config.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Work is waiting (a delivery completed, so the record's next one may go now): skip the poll's wait. */
    public void wakeUp() {
        wake.release();
    }

    /**
     * Claims due deliveries whenever a sending thread is free: woken by every completed attempt (the
     * record's next delivery may go now) and by every dispatch that enqueued something, else every
     * pollEvery (retries coming due). Dispatching runs on its own thread, so a slow feed read never holds
     * up sending.
     */
    private void run() {
        while (running) {
            try {
                int free = config.workers() - inFlight.get();
                if (free > 0) {
                    List<WebhookQueue.Claimed> claimed = inTransaction(c -> queue.claim(c, instance, free));
                    for (WebhookQueue.Claimed d : claimed) {
                        inFlight.incrementAndGet();
                        workers.execute(() -> deliver(d));
                    }
                }
                wake.tryAcquire(config.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // PostgreSQL unreachable or restarting: nothing is lost (the queue and cursors are in it); try again.
                LOG.warnf("webhook pump: %s", e.toString());
                sleep();
            }
        }
    }

    /** Moves the subscriptions along the feed every pollEvery, waking the claims when it enqueued anything. */
    private void dispatchLoop() {
        while (running) {
            try {
                if (inTransaction(queue::dispatch) > 0) {
                    wake.release();
                }
                Thread.sleep(config.pollEvery().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("webhook dispatcher: %s", e.toString());
                sleep();
            }
        }
    }

    private void deliver(WebhookQueue.Claimed d) {
        try {
            WebhookQueue.Outcome outcome = sender.send(d);
            inTransaction(c -> queue.complete(c, d, instance, outcome));
        } catch (Exception e) {
            // The lease runs out and another attempt is made: at least once, never lost.
            LOG.warnf("webhook delivery %d: could not record the attempt: %s", d.id(), e.toString());
        } finally {
            inFlight.decrementAndGet();
            wake.release();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(config.pollEvery().toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs `work` in a transaction of its own on a pooled connection. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
