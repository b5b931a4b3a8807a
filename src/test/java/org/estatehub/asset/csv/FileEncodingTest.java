package org.estatehub.asset.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** The one encoding detector of both imports (asset register, brownfield register), at its edges. */
@FastTest
class FileEncodingTest {

    private static final int CHUNK = 64 * 1024;

    private static FileEncoding detect(byte[] bytes) {
        return FileEncoding.of(() -> new ByteArrayInputStream(bytes), null);
    }

    /** `length` ASCII bytes followed by `tail`. */
    private static byte[] asciiThen(int length, byte... tail) {
        byte[] bytes = new byte[length + tail.length];
        Arrays.fill(bytes, 0, length, (byte) 'a');
        System.arraycopy(tail, 0, bytes, length, tail.length);
        return bytes;
    }

    @Test
    void asciiAndUtf8AreUtf8() {
        assertEquals(new FileEncoding(StandardCharsets.UTF_8, FileEncoding.Source.VALID_UTF8), detect(new byte[0]));
        assertEquals(new FileEncoding(StandardCharsets.UTF_8, FileEncoding.Source.VALID_UTF8),
                detect(asciiThen(3 * CHUNK)));
        assertEquals(new FileEncoding(StandardCharsets.UTF_8, FileEncoding.Source.VALID_UTF8),
                detect("Name\r\nCaf\u00e9 \u00a310\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void byteOrderMarkIsUtf8AndSaysSo() {
        assertEquals(new FileEncoding(StandardCharsets.UTF_8, FileEncoding.Source.BYTE_ORDER_MARK),
                detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}));
        assertEquals(new FileEncoding(StandardCharsets.UTF_8, FileEncoding.Source.BYTE_ORDER_MARK),
                detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
    }

    @Test
    void aWindows1252ByteAnywhereIsWindows1252() {
        FileEncoding windows = new FileEncoding(FileEncoding.WINDOWS_1252, FileEncoding.Source.NOT_UTF8);
        // A pound sign (0xA3) after the ASCII fast path has skipped several whole chunks.
        assertEquals(windows, detect(asciiThen(5 * CHUNK + 17, (byte) 0xA3, (byte) '1', (byte) '0')));
        assertEquals(windows, detect(asciiThen(10, (byte) 0xA0, (byte) 'x')));
        // A UTF-8 file whose last character is cut off is not UTF-8.
        assertEquals(windows, detect(asciiThen(CHUNK, (byte) 0xC2)));
    }

    @Test
    void aSequenceAcrossChunksStaysUtf8() {
        // "£" (C2 A3) split by the detector's 64 KiB reads: the BOM-less file's first chunk ends after C2.
        assertEquals(new FileEncoding(StandardCharsets.UTF_8, FileEncoding.Source.VALID_UTF8),
                detect(asciiThen(CHUNK - 1, (byte) 0xC2, (byte) 0xA3, (byte) 'z')));
        assertEquals(new FileEncoding(StandardCharsets.UTF_8, FileEncoding.Source.VALID_UTF8),
                detect(asciiThen(2 * CHUNK - 2, (byte) 0xE2, (byte) 0x82, (byte) 0xAC)));
    }

    @Test
    void declaredCharsetIsTakenAsGiven() {
        FileEncoding declared = FileEncoding.of(() -> {
            throw new AssertionError("a declared charset is not checked against the bytes");
        }, StandardCharsets.ISO_8859_1);
        assertEquals(new FileEncoding(StandardCharsets.ISO_8859_1, FileEncoding.Source.DECLARED), declared);
        assertTrue(declared.declared());
    }

    @Test
    void readerSkipsOneByteOrderMark() throws IOException {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b'};
        FileEncoding utf8 = detect(bytes);
        try (Reader reader = utf8.reader(new ByteArrayInputStream(bytes))) {
            char[] text = new char[8];
            int n = reader.read(text);
            assertEquals("a,b", new String(text, 0, n));
        }
        try (Reader reader = new FileEncoding(FileEncoding.WINDOWS_1252, FileEncoding.Source.NOT_UTF8)
                .reader(new ByteArrayInputStream(new byte[] {(byte) 0xA3, '5'}))) {
            char[] text = new char[8];
            int n = reader.read(text);
            assertEquals("\u00a35", new String(text, 0, n));
        }
    }
}
