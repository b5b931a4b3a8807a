package org.estatehub.brownfield.csv;

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
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The character encoding of a register as received: the Content-Type's charset when it declares one;
 * otherwise UTF-8 (with or without a byte order mark) if every byte sequence is valid UTF-8, else
 * Windows-1252, what Excel on Windows saves as "CSV". Councils publish both; decoding Windows-1252 as UTF-8
 * would turn every pound sign and non-breaking space into U+FFFD.
 */
public record FileEncoding(Charset charset, Source source) {

    public enum Source {
        DECLARED, BYTE_ORDER_MARK, VALID_UTF8, NOT_UTF8
    }

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Reads the file once to decide; `file` opens it from the start each time. */
    static FileEncoding of(Supplier<InputStream> file, Charset declared) {
        if (declared != null) {
            return new FileEncoding(declared, Source.DECLARED);
        }
        try (InputStream in = file.get()) {
            byte[] start = in.readNBytes(3);
            boolean bom = start.length == 3 && (start[0] & 0xff) == 0xEF && (start[1] & 0xff) == 0xBB
                    && (start[2] & 0xff) == 0xBF;
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024 + 3);
            CharBuffer chars = CharBuffer.allocate(64 * 1024 + 3);
            bytes.put(start);
            byte[] chunk = new byte[64 * 1024];
            boolean valid = true;
            while (valid) {
                int n = in.read(chunk);
                boolean end = n < 0;
                if (!end) {
                    bytes.put(chunk, 0, n);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    valid = false;
                } else if (end) {
                    valid = !decoder.flush(chars).isError();
                    break;
                }
                bytes.compact();
                chars.clear();
            }
            if (!valid) {
                return new FileEncoding(WINDOWS_1252, Source.NOT_UTF8);
            }
            return new FileEncoding(StandardCharsets.UTF_8, bom ? Source.BYTE_ORDER_MARK : Source.VALID_UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as text in this encoding, without a leading byte order mark. */
    Reader reader(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
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
