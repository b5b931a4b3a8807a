package org.estatehub.asset.csv;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.estatehub.common.problem.ProblemException;

/**
 * When an asset import must have finished: a little before its transaction's timeout, so that PostgreSQL
 * cancels the running statement (statement_timeout, set to the time left before each step) and the import
 * answers 503 while its transaction can still roll back cleanly. Without it a statement ran on past the
 * timeout until it ended, and the request failed with a 500 from the transaction manager (1,000,000 rows,
 * bench/README.md "Import").
 */
final class ImportDeadline {

    /** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout (or by a cancel request). */
    static final String QUERY_CANCELED = "57014";

    /** Seconds a client is told to wait before sending the file again. */
    static final int RETRY_AFTER_SECONDS = 60;

    private final int timeoutSeconds;
    private final long endNanos;

    private ImportDeadline(int timeoutSeconds, long endNanos) {
        this.timeoutSeconds = timeoutSeconds;
        this.endNanos = endNanos;
    }

    /**
     * The deadline of a transaction of `timeoutSeconds` that starts now: a quarter of it (at most 2 s) is kept
     * back for the rollback and the answer, so the transaction manager's own timeout is only the backstop.
     */
    static ImportDeadline of(int timeoutSeconds) {
        long millis = timeoutSeconds * 1000L;
        long kept = Math.min(2000, millis / 4);
        return new ImportDeadline(timeoutSeconds, System.nanoTime() + (millis - kept) * 1_000_000L);
    }

    /** Gives the next statements on `connection` at most the time left; past the deadline, answers 503 now. */
    void limit(Connection connection) throws SQLException {
        long leftMillis = (endNanos - System.nanoTime()) / 1_000_000L;
        if (leftMillis <= 0) {
            throw timedOut();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('statement_timeout', ?, true)")) {
            statement.setString(1, Long.toString(leftMillis));
            statement.execute();
        }
    }

    /**
     * Checked by the file's reading between rows: PostgreSQL's cancel of a COPY from the client reaches the
     * service only when it next reads from the server, which a COPY does at its end.
     */
    void check() {
        if (System.nanoTime() - endNanos > 0) {
            throw timedOut();
        }
    }

    /**
     * Whether `failure` is the transaction manager's timeout: it rolled the import's transaction back
     * (jakarta.transaction.RollbackException at the commit) after the time limit had passed, because the
     * service was too busy to notice the deadline first.
     */
    static boolean transactionTimedOut(Throwable failure, long startedNanos, int timeoutSeconds) {
        if (System.nanoTime() - startedNanos < timeoutSeconds * 1_000_000_000L) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.transaction.RollbackException) {
                return true;
            }
        }
        return false;
    }

    /** Whether `failure` is a statement PostgreSQL cancelled (the deadline passed while it ran). */
    boolean cancelled(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    ProblemException timedOut() {
        return timedOut(timeoutSeconds);
    }

    static ProblemException timedOut(int timeoutSeconds) {
        return new ProblemException(503, "import-timed-out", "Import timed out",
                "The import did not finish within its time limit of " + timeoutSeconds + " s ("
                        + ImportLimits.TRANSACTION_TIMEOUT + "); nothing was saved. Send the file again when the"
                        + " service is less busy, or split it into smaller files.")
                .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
}
