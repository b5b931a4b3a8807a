package org.estatehub.asset.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The character encoding of an imported file (asset register, brownfield land register) as received: the
 * Content-Type's charset when it declares one; otherwise UTF-8 (with or without a byte order mark) if every
 * byte sequence is valid UTF-8, else Windows-1252, what Excel on Windows saves as "CSV". Councils publish
 * both; decoding Windows-1252 as UTF-8 would turn every pound sign and non-breaking space into U+FFFD.
 */
public record FileEncoding(Charset charset, Source source) {

    /** How the encoding was known. */
    public enum Source {
        DECLARED, BYTE_ORDER_MARK, VALID_UTF8, NOT_UTF8
    }

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Bytes read (and chars decoded) at a time, when detecting and when reading. */
    private static final int BUFFER = 64 * 1024;

    /**
     * Reads the file once to decide (it is on disk, so it is read through before the import rather than
     * decoded optimistically and restarted); `file` opens it from the start.
     */
    public static FileEncoding of(Supplier<InputStream> file, Charset declared) {
        if (declared != null) {
            return new FileEncoding(declared, Source.DECLARED);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(BUFFER);
        CharBuffer out = CharBuffer.allocate(BUFFER);
        try (InputStream body = file.get()) {
            byte[] start = body.readNBytes(3);
            boolean bom = start.length == 3 && (start[0] & 0xff) == 0xEF && (start[1] & 0xff) == 0xBB
                    && (start[2] & 0xff) == 0xBF;
            in.put(start);
            // Until the first byte above 0x7F the file is ASCII, valid UTF-8 without decoding it (most
            // registers are ASCII for megabytes, or throughout).
            boolean ascii = true;
            int n = 0;
            while (n >= 0) {
                n = body.read(in.array(), in.position(), in.remaining());
                if (n > 0) {
                    in.position(in.position() + n);
                }
                in.flip();
                for (int i = in.position(); i < in.limit() && ascii; i++) {
                    ascii = in.get(i) >= 0;
                }
                if (ascii) {
                    in.position(in.limit());
                } else if (utf8.decode(in, out, false).isError()) {
                    return new FileEncoding(WINDOWS_1252, Source.NOT_UTF8);
                }
                in.compact();
                out.clear();
            }
            in.flip();
            // A sequence cut off by the end of the file is not UTF-8 either.
            if (utf8.decode(in, out, true).isError() || utf8.flush(out).isError() || in.hasRemaining()) {
                return new FileEncoding(WINDOWS_1252, Source.NOT_UTF8);
            }
            return new FileEncoding(StandardCharsets.UTF_8, bom ? Source.BYTE_ORDER_MARK : Source.VALID_UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the client named the charset (else it was detected). */
    public boolean declared() {
        return source == Source.DECLARED;
    }

    /**
     * The file as text in this encoding, without a leading byte order mark. Malformed bytes (only possible
     * with a declared charset) become U+FFFD, InputStreamReader's default.
     */
    public Reader reader(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), BUFFER);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }
}
