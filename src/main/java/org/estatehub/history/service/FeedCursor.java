package org.estatehub.history.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;

/**
 * A position in the change feed: the (transaction id, event id) of the last event the reader has
 * passed. Opaque to clients (base64url of `e1:<txid>:<id>`), so the encoding can change with its prefix.
 */
record FeedCursor(long txid, long id) implements Comparable<FeedCursor> {

    static final FeedCursor START = new FeedCursor(0, 0);
    private static final Pattern FORM = Pattern.compile("e1:(0|[1-9][0-9]{0,18}):(0|[1-9][0-9]{0,18})");

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("e1:" + txid + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** A cursor this service handed out, or 400 naming the `after` parameter. */
    static FeedCursor decode(String text) {
        if (text == null) {
            return START;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            Matcher m = FORM.matcher(decoded);
            if (m.matches()) {
                return new FeedCursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            }
        } catch (IllegalArgumentException e) {
            // not base64url, or a number beyond a long: the same answer as any other unknown cursor
        }
        throw ProblemException.invalid(List.of(Problems.fieldError("after",
                "is not a cursor from this feed; pass a nextCursor exactly as received, or leave it out to start")));
    }

    @Override
    public int compareTo(FeedCursor other) {
        int byTx = Long.compare(txid, other.txid);
        return byTx != 0 ? byTx : Long.compare(id, other.id);
    }
}
