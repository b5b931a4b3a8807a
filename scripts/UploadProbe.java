import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends a generated Transparency Code file to POST /assets/import, written as it is generated (never held
 * whole, never written to disk), and saves the answer. Used by scripts/heap-test.sh and bench/uploads.sh.
 *
 *   java scripts/UploadProbe.java BASE_URL TOKEN_FILE OWNER KIND BYTES MODE ANSWER_FILE [SEED]
 *
 * KIND: valid (every row saves), invalid (every row has three errors, quoting long cells), short-invalid
 * (45-byte rows with three errors each, far more rows than the row limit) or oversize (valid rows past
 * BYTES, to be refused). Valid rows are about 690 bytes, so a file of up to 64 MiB stays within
 * the 100,000-row limit, and one past 64 MiB crosses the size limit first. MODE: fixed (Content-Length) or chunked. SEED makes the rows' keys unique per run.
 * Prints one line: status, milliseconds, bytes sent, rows.
 */
public class UploadProbe {

    static final String HEADER = "Organisation name,UPRN,Unique Asset ID,Name,Street,Post town,Postcode,"
            + "X co-ordinate,Y co-ordinate,Tenure,Asset type,Local authority,e-PIMS reference,Gross internal area (m2),"
            + "Annual running cost (GBP),Utilisation (%),Status,Visibility\n";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = Files.readString(Path.of(args[1])).trim();
        String owner = args[2];
        String kind = args[3];
        long target = Long.parseLong(args[4]);
        boolean chunked = args[5].equals("chunked");
        Path answer = Path.of(args[6]);
        long seed = args.length > 7 ? Long.parseLong(args[7]) : System.currentTimeMillis() % 100_000;
        String organisation = args.length > 8 ? args[8] : owner;

        long rows = rowsFor(kind, target, seed, organisation);
        long bytes = HEADER.length();
        for (long i = 0; i < rows; i++) {
            bytes += row(kind, i, seed, organisation).length;
        }

        HttpURLConnection http = (HttpURLConnection) URI.create(base + "/assets/import?ownerPartnerId=" + owner)
                .toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setConnectTimeout(10_000);
        http.setReadTimeout(600_000);
        http.setRequestProperty("Authorization", "Bearer " + token);
        http.setRequestProperty("Content-Type", "text/csv; charset=UTF-8");
        if (chunked) {
            http.setChunkedStreamingMode(64 * 1024);
        } else {
            http.setFixedLengthStreamingMode(bytes);
        }
        long start = System.nanoTime();
        long sent = 0;
        String note = "";
        try (OutputStream out = http.getOutputStream()) {
            byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
            out.write(header);
            sent += header.length;
            for (long i = 0; i < rows; i++) {
                byte[] line = row(kind, i, seed, organisation);
                out.write(line);
                sent += line.length;
            }
        } catch (IOException e) {
            // The service may answer (413, 429, 503) and close before the whole file is sent.
            note = " (sending stopped: " + e.getMessage() + ")";
        }
        int status;
        byte[] body;
        try {
            status = http.getResponseCode();
            InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
            body = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            status = 0;
            body = ("no answer: " + e).getBytes(StandardCharsets.UTF_8);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        Files.write(answer, body);
        String retryAfter = http.getHeaderField("Retry-After");
        String type = http.getHeaderField("Content-Type");
        System.out.println("status=" + status + " ms=" + ms + " sent=" + sent + " of " + bytes + " rows=" + rows
                + " answer=" + body.length + "B type=" + type + (retryAfter == null ? "" : " retry-after=" + retryAfter)
                + note);
    }

    /** As many rows as fit in `target` bytes (valid, invalid) or one more row than that (oversize). */
    static long rowsFor(String kind, long target, long seed, String organisation) {
        long bytes = HEADER.length();
        long rows = 0;
        while (true) {
            int next = row(kind, rows, seed, organisation).length;
            if (bytes + next > target) {
                return kind.equals("oversize") ? rows + 1 : rows;
            }
            bytes += next;
            rows++;
        }
    }

    static byte[] row(String kind, long i, long seed, String organisation) {
        String n = String.format("%06d", i);
        String s = String.format("%05d", seed);
        StringBuilder row = new StringBuilder(720);
        row.append(organisation).append(',');
        if (kind.equals("short-invalid")) {
            // About 45 bytes and the same three errors: 64 MB is 1.5 million rows, past the row limit.
            return row.append("0").append(n).append(",R").append(n).append(",N,,east,1,rented,,,,,,,,\n").toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (kind.equals("invalid")) {
            // Three errors a row: a UPRN with a letter (3.0.0 reads leading zeros, so no longer that), a grid
            // reference that is not a number and an unknown tenure, the last two quoting 120-character cells.
            row.append("U").append(s).append(n).append(',')
                    .append("HEAP-").append(s).append('-').append(n).append(',')
                    .append(pad("Invalid row " + n + " ", 200)).append(',')
                    .append(pad("Street ", 180)).append(',').append(pad("Town ", 100)).append(",ME14 1XQ,")
                    .append(pad("east", 120)).append(",155747,")
                    .append(pad("rented", 120)).append(",OFFICE,E07000113,,,,,,\n");
        } else {
            int easting = 100_000 + (int) (i % 400) * 700;
            int northing = 20_000 + (int) (i / 400 % 1500) * 700;
            row.append(4).append(s).append(n).append(',')
                    .append(pad("HEAP-" + s + "-" + n + "-", 60)).append(',')
                    .append(pad("Heap test hall " + n + " ", 200)).append(',')
                    .append(pad("Village Street ", 180)).append(',').append(pad("Somewhere ", 100))
                    .append(",ME14 1XQ,").append(easting).append(',').append(northing)
                    .append(",Freehold,COMMUNITY_CENTRE,E07000113,").append(pad("EPIMS-" + n + "-", 30))
                    .append(",1234.50,12345.67,50,OPERATIONAL,PARTNERSHIP\n");
        }
        return row.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String pad(String start, int length) {
        StringBuilder b = new StringBuilder(length).append(start);
        while (b.length() < length) {
            b.append((char) ('a' + b.length() % 26));
        }
        return b.substring(0, length);
    }
}
