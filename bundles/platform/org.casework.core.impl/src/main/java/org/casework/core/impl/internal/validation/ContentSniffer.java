package org.casework.core.impl.internal.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides what a file really is from its bytes, never from its name or the type a client claims,
 * so that a program renamed to {@code .pdf} is recognised and refused.
 */
public final class ContentSniffer {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";
    public static final String TIFF = "image/tiff";
    public static final String TEXT = "text/plain";
    public static final String CSV = "text/csv";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ODT = "application/vnd.oasis.opendocument.text";

    /** What the bytes are: a known document type, an executable, or unknown. */
    public record Verdict(Optional<String> contentType, boolean executable) {
    }

    private ContentSniffer() {
    }

    public static Verdict sniff(byte[] b) {
        if (startsWith(b, 'M', 'Z') || startsWith(b, 0x7f, 'E', 'L', 'F') || startsWith(b, '#', '!')
                || startsWith(b, 0xCA, 0xFE, 0xBA, 0xBE) || startsWith(b, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(b, 0xCE, 0xFA, 0xED, 0xFE) || startsWith(b, 0xFE, 0xED, 0xFA, 0xCE)
                || startsWith(b, 0xFE, 0xED, 0xFA, 0xCF)) {
            return new Verdict(Optional.empty(), true);
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return known(PDF);
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return known(PNG);
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return known(JPEG);
        }
        if (startsWith(b, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return known(GIF);
        }
        if (startsWith(b, 'I', 'I', 0x2A, 0x00) || startsWith(b, 'M', 'M', 0x00, 0x2A)) {
            return known(TIFF);
        }
        if (startsWith(b, 'P', 'K', 0x03, 0x04)) {
            return zip(b);
        }
        if (isText(b)) {
            return known(TEXT);
        }
        return new Verdict(Optional.empty(), false);
    }

    /** Whether a detected type satisfies the type a client claimed. */
    public static boolean compatible(String claimed, String detected) {
        if (claimed == null || claimed.isBlank() || claimed.equals("application/octet-stream")) {
            return true;
        }
        String c = claimed.split(";")[0].trim().toLowerCase();
        if (c.equals(detected)) {
            return true;
        }
        return detected.equals(TEXT) && c.equals(CSV);
    }

    private static Verdict known(String type) {
        return new Verdict(Optional.of(type), false);
    }

    private static Verdict zip(byte[] b) {
        boolean hasExecutable = false;
        String type = null;
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            int entries = 0;
            while ((e = zin.getNextEntry()) != null && entries++ < 10_000) {
                String n = e.getName();
                if (n.startsWith("word/")) {
                    type = DOCX;
                } else if (n.startsWith("xl/")) {
                    type = XLSX;
                } else if (n.equals("mimetype")) {
                    byte[] mt = zin.readNBytes(100);
                    if (new String(mt, StandardCharsets.US_ASCII).equals(ODT)) {
                        type = ODT;
                    }
                }
                String lower = n.toLowerCase();
                if (lower.endsWith(".exe") || lower.endsWith(".dll") || lower.endsWith(".class")
                        || lower.endsWith(".sh") || lower.endsWith(".bat") || lower.endsWith(".js")
                        || lower.equals("vbaproject.bin") || lower.endsWith("/vbaproject.bin")) {
                    hasExecutable = true;
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            return new Verdict(Optional.empty(), false);
        }
        if (hasExecutable) {
            return new Verdict(Optional.empty(), true);
        }
        return new Verdict(Optional.ofNullable(type), false);
    }

    private static boolean isText(byte[] b) {
        if (b.length == 0) {
            return false;
        }
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
