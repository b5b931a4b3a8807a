package org.estatehub.history.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.estatehub.api.model.FieldError;
import org.estatehub.common.problem.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class FeedCursorTest {

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void noCursorIsTheStart() {
        assertSame(FeedCursor.START, FeedCursor.decode(null));
        assertEquals(new FeedCursor(0, 0), FeedCursor.START);
    }

    @Test
    void encodesAsUnpaddedBase64UrlOfItsVersionedForm() {
        String text = new FeedCursor(7_531, 42).encode();
        assertEquals(b64("e1:7531:42"), text);
        assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
    }

    @Test
    void decodeReadsBackWhatEncodeWrote() {
        for (FeedCursor cursor : List.of(FeedCursor.START, new FeedCursor(1, 0), new FeedCursor(0, 1),
                new FeedCursor(123_456_789, 987), new FeedCursor(Long.MAX_VALUE, Long.MAX_VALUE))) {
            assertEquals(cursor, FeedCursor.decode(cursor.encode()));
        }
    }

    @Test
    void ordersByTransactionThenEvent() {
        FeedCursor a = new FeedCursor(5, 100);
        FeedCursor b = new FeedCursor(6, 1);
        FeedCursor c = new FeedCursor(6, 2);
        assertTrue(a.compareTo(b) < 0);
        assertTrue(b.compareTo(c) < 0);
        assertTrue(c.compareTo(a) > 0);
        assertEquals(0, b.compareTo(new FeedCursor(6, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not base64!", "e1:1:2", "ZTE6MToy.x" })
    void textThatIsNotBase64UrlOfACursorIsABadAfter(String text) {
        assertBadAfter(text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "e1:1", "e1:1:2:3", "e2:1:2", "E1:1:2", "e1:01:2", "e1:1:02", "e1:-1:2", "e1:1:+2",
            "e1: 1:2", "e1:1:2\n", "e1:1.0:2", "e1:9223372036854775808:1", "e1:1:99999999999999999999" })
    void wellFormedBase64OfSomethingElseIsABadAfter(String decoded) {
        assertBadAfter(b64(decoded));
    }

    private static void assertBadAfter(String text) {
        ProblemException problem = assertThrows(ProblemException.class, () -> FeedCursor.decode(text));
        assertEquals(400, problem.status());
        List<FieldError> errors = problem.errors();
        assertEquals(1, errors.size());
        assertEquals("after", errors.get(0).getField());
        assertTrue(errors.get(0).getMessage().contains("nextCursor"), errors.get(0).getMessage());
    }
}
