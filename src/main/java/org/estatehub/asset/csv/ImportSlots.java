package org.estatehub.asset.csv;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.problem.ProblemException;

/**
 * Bounds how many imports run at once: one per owner (a second would only wait on the first's advisory
 * lock while holding a worker thread and its upload), and `estatehub.import.max-concurrent` for the whole
 * service, so that a few large uploads can never take every worker thread or the heap. A refused import
 * is answered before its body is read.
 */
@ApplicationScoped
public class ImportSlots {

    @ConfigProperty(name = "estatehub.import.max-concurrent", defaultValue = "2")
    int maxConcurrent;

    @ConfigProperty(name = "estatehub.import.retry-after-seconds", defaultValue = "30")
    int retryAfterSeconds;

    private final Set<String> owners = ConcurrentHashMap.newKeySet();
    private Semaphore service;

    /** A held place for one import; closing it frees the place. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    @PostConstruct
    void init() {
        service = new Semaphore(Math.max(1, maxConcurrent));
    }

    /**
     * A place for a dry run: within the service's bound, but not the owner's, since a dry run writes
     * nothing and takes no lock another import of the owner could wait on.
     */
    public Slot acquireDryRun() {
        if (!service.tryAcquire()) {
            throw busy();
        }
        return service::release;
    }

    private ProblemException busy() {
        return new ProblemException(503, "imports-busy", "Imports busy",
                "The service is running " + maxConcurrent + " imports, as many as it runs at once; "
                        + "send this file again shortly.")
                .header("Retry-After", String.valueOf(retryAfterSeconds))
                .header("Connection", "close");
    }

    public Slot acquire(String owner) {
        if (!owners.add(owner)) {
            throw new ProblemException(429, "import-in-progress", "Import in progress",
                    "Another import for " + owner + " is running; send this file again when it has finished.")
                    .header("Retry-After", String.valueOf(retryAfterSeconds))
                    .header("Connection", "close");
        }
        if (!service.tryAcquire()) {
            owners.remove(owner);
            throw busy();
        }
        return () -> {
            service.release();
            owners.remove(owner);
        };
    }
}
