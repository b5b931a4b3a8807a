package org.estatehub.asset.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.http.BodySizeLimit;
import org.estatehub.common.problem.ProblemException;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Receives an import file onto local disk before the import's transaction starts. Reading the upload
 * inside the transaction would keep it open for as long as the client takes to send the file (minutes
 * on a slow link), and an open transaction holds back the change feed's horizon for every partner
 * (history/service/ChangeFeed) and the import's advisory lock for its owner. On disk the file costs no heap;
 * at most estatehub.import.max-concurrent files of at most estatehub.import.max-bytes exist at once
 * (ImportSlots), each deleted when its import ends.
 */
@ApplicationScoped
public class ImportSpool {

    @ConfigProperty(name = "estatehub.import.max-bytes", defaultValue = "64M")
    MemorySize maxBytes;

    /** A received file; closing it deletes it. */
    public static final class Spooled implements AutoCloseable {

        private final Path file;

        private Spooled(Path file) {
            this.file = file;
        }

        public InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Left for the temporary directory's own clean-up; the import's answer does not depend on it.
            }
        }
    }

    /** Copies the body to a temporary file, refusing it with 413 as soon as it crosses the size limit. */
    public Spooled receive(InputStream body) {
        Path file;
        try {
            file = Files.createTempFile("estatehub-import-", ".csv");
        } catch (IOException e) {
            throw unavailable(e);
        }
        Spooled spooled = new Spooled(file);
        try (InputStream limited = new BodySizeLimit(body, maxBytes.asLongValue(), max -> AssetImporter.tooLarge(
                "The file is larger than " + max + " bytes, the most one import takes; split it into several files."
                        + " Nothing was saved."))) {
            Files.copy(limited, file, StandardCopyOption.REPLACE_EXISTING);
            return spooled;
        } catch (IOException e) {
            spooled.close();
            throw unavailable(e);
        } catch (RuntimeException e) {
            spooled.close();
            throw e;
        }
    }

    private static ProblemException unavailable(IOException e) {
        return new ProblemException(503, "unavailable", "Service unavailable",
                "The import file could not be received (" + e.getClass().getSimpleName()
                        + "); nothing was saved. Try again later.")
                .header("Retry-After", "30");
    }
}
