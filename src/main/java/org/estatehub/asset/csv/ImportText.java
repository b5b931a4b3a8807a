package org.estatehub.asset.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The text of one cell as published files have it: padded with spaces and non-breaking spaces, sometimes mis-decoded. */
final class ImportText {

    private ImportText() {
    }

    /** Whitespace, including the non-breaking spaces Excel and Word leave (U+00A0, U+2007, U+202F), as a space. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }

    /** The text without leading and trailing spaces of any kind. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    /** Inner non-breaking spaces as plain spaces, for comparing wordings ("Land and\u00A0Building"). */
    static String plainSpaces(String text) {
        if (text.indexOf('\u00A0') < 0 && text.indexOf('\u2007') < 0 && text.indexOf('\u202F') < 0) {
            return text;
        }
        return text.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ');
    }

    /**
     * The text repaired if it is UTF-8 that was once decoded as Windows-1252 ("Â£" for "£", "Ã©" for "é",
     * "â€™" for "’"); null when it does not look so. Only text whose Windows-1252 bytes are valid UTF-8 and
     * hold a multi-byte sequence is repaired, so ordinary accented text ("Ã" alone, "Â" in a name) stays.
     */
    static String repairMisdecoded(String text) {
        if (text.indexOf('Ã') < 0 && text.indexOf('Â') < 0 && text.indexOf('â') < 0) {
            return null;
        }
        try {
            ByteBuffer bytes = FileEncoding.WINDOWS_1252.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            String repaired = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return repaired.equals(text) ? null : repaired;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
