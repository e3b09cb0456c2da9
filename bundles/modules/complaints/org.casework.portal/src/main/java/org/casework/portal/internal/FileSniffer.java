package org.casework.portal.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides what a supporting document really is from its first bytes, and accepts it only when
 * that matches the kind its name claims: documents and pictures, never programs. The browser's
 * claimed content type is ignored.
 */
final class FileSniffer {

    /** The kinds of file the portal accepts. */
    enum Kind {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        GIF("image/gif", "gif"),
        TIFF("image/tiff", "tif", "tiff"),
        TEXT("text/plain", "txt");

        private final String mediaType;
        private final List<String> extensions;

        Kind(String mediaType, String... extensions) {
            this.mediaType = mediaType;
            this.extensions = List.of(extensions);
        }

        String mediaType() {
            return mediaType;
        }

        static Kind ofExtension(String extension) {
            for (Kind kind : values()) {
                if (kind.extensions.contains(extension)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** What the check found: the accepted kind, or the rule the file broke. */
    record Verdict(Kind kind, String rule) {
        boolean accepted() {
            return kind != null;
        }
    }

    private FileSniffer() {
    }

    static Verdict check(String fileName, byte[] content) {
        int dot = fileName.lastIndexOf('.');
        Kind claimed = dot < 0 ? null : Kind.ofExtension(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (claimed == null) {
            return new Verdict(null, "fileType");
        }
        if (content.length == 0) {
            return new Verdict(null, "fileEmpty");
        }
        if (isProgram(content)) {
            return new Verdict(null, "fileContent");
        }
        Kind actual = detect(content);
        return actual == claimed ? new Verdict(actual, null) : new Verdict(null, "fileContent");
    }

    /** The kind the bytes show, or {@code null} for anything the portal does not take. */
    static Kind detect(byte[] c) {
        if (startsWith(c, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Kind.PDF;
        }
        if (startsWith(c, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Kind.PNG;
        }
        if (startsWith(c, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Kind.JPEG;
        }
        if (startsWith(c, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(c, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Kind.GIF;
        }
        if (startsWith(c, new byte[] {'I', 'I', 42, 0}) || startsWith(c, new byte[] {'M', 'M', 0, 42})) {
            return Kind.TIFF;
        }
        return isPlainText(c) ? Kind.TEXT : null;
    }

    /** Windows, Linux and macOS executables, Java archives and scripts with an interpreter line. */
    static boolean isProgram(byte[] c) {
        return startsWith(c, new byte[] {'M', 'Z'})
                || startsWith(c, new byte[] {0x7f, 'E', 'L', 'F'})
                || startsWith(c, new byte[] {(byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xce})
                || startsWith(c, new byte[] {(byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xcf})
                || startsWith(c, new byte[] {(byte) 0xce, (byte) 0xfa, (byte) 0xed, (byte) 0xfe})
                || startsWith(c, new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe})
                || startsWith(c, new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe})
                || startsWith(c, new byte[] {'P', 'K', 3, 4})
                || startsWith(c, new byte[] {'#', '!'});
    }

    /** UTF-8 without control characters other than tab, line breaks and form feed. */
    private static boolean isPlainText(byte[] c) {
        for (byte b : c) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(c));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
