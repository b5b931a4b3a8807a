package org.estatehub.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes expired Idempotency-Key records on a schedule. Expired records already neither replay nor block
 * (see {@link Idempotency}); this only keeps the table from growing with every request ever retried.
 * Several instances may run it at once: the delete is the same whoever runs it.
 */
@ApplicationScoped
public class IdempotencyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class);

    @Inject
    Idempotency idempotency;

    @Scheduled(identity = "idempotency-cleanup", every = "{estatehub.idempotency.cleanup-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        int deleted = idempotency.deleteExpired();
        if (deleted > 0) {
            LOG.infof("Deleted %d expired Idempotency-Key records", deleted);
        }
    }
}
