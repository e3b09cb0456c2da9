package org.casework.portal.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body read as a stream under limits: no part is held beyond its
 * limit, so a 25 MB file is refused after reading 10 MB of it, by name. The container's own
 * multipart support cannot say which file broke which limit.
 */
final class MultipartForm {

    /**
     * @param maxFileBytes the largest single file
     * @param maxTotalFileBytes all files together
     * @param maxFiles how many files
     * @param maxFieldBytes the largest text value (UTF-8 bytes)
     * @param maxParts how many parts of any kind
     */
    record Limits(long maxFileBytes, long maxTotalFileBytes, int maxFiles, int maxFieldBytes, int maxParts) {
    }

    /** One uploaded file. */
    record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    static final String FILES_FIELD = "attachments";

    private static final int MAX_HEADER_LINE = 8192;
    private static final int MAX_HEADERS = 16;
    private static final int MAX_PREAMBLE = 4096;

    private final Map<String, List<String>> fields;
    private final List<FilePart> files;

    private MultipartForm(Map<String, List<String>> fields, List<FilePart> files) {
        this.fields = fields;
        this.files = files;
    }

    /** The first value of a text field, or {@code null}. */
    String value(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a text field, in the order sent. */
    List<String> values(String name) {
        return fields.getOrDefault(name, List.of());
    }

    Map<String, List<String>> fields() {
        return fields;
    }

    List<FilePart> files() {
        return files;
    }

    /** The boundary named in a {@code multipart/form-data} content type, or {@code null}. */
    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length()).trim();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() || b.length() > 70 ? null : b;
            }
        }
        return null;
    }

    static MultipartForm parse(InputStream in, String boundary, Limits limits) throws IOException, UploadRejected {
        return new Reader(in, boundary, limits).read();
    }

    /** The parser's state over one body. */
    private static final class Reader {
        private final InputStream in;
        private final byte[] delimiter;
        private final Limits limits;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int end;

        Reader(InputStream in, String boundary, Limits limits) {
            this.in = in;
            this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
            this.limits = limits;
            // The first boundary has no CRLF before it: pretend it had, so one search finds all.
            buf[0] = '\r';
            buf[1] = '\n';
            end = 2;
        }

        MultipartForm read() throws IOException, UploadRejected {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            List<FilePart> files = new ArrayList<>();
            long totalFileBytes = 0;
            int parts = 0;
            if (readUntilDelimiter(OutputStream.nullOutputStream(), MAX_PREAMBLE) < 0) {
                throw malformed();
            }
            while (true) {
                require(2);
                if (buf[pos] == '-' && buf[pos + 1] == '-') {
                    return new MultipartForm(fields, files);
                }
                String afterBoundary = readLine();
                if (!afterBoundary.isBlank()) {
                    throw malformed();
                }
                if (++parts > limits.maxParts()) {
                    throw new UploadRejected(400, null, "tooManyParts", null);
                }
                Map<String, String> headers = readHeaders();
                String disposition = headers.get("content-disposition");
                String name = disposition == null ? null : parameter(disposition, "name");
                if (name == null || name.isEmpty()) {
                    throw malformed();
                }
                String fileName = parameter(disposition, "filename");
                if (fileName == null) {
                    ByteArrayOutputStream value = new ByteArrayOutputStream();
                    if (readUntilDelimiter(value, limits.maxFieldBytes()) < 0) {
                        throw new UploadRejected(400, name, "fieldTooLong", null);
                    }
                    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(utf8(value.toByteArray(), name));
                    continue;
                }
                fileName = baseName(fileName);
                if (fileName.isEmpty()) {
                    // a file input left empty: browsers still send the part
                    if (readUntilDelimiter(OutputStream.nullOutputStream(), 0) < 0) {
                        throw malformed();
                    }
                    continue;
                }
                if (files.size() >= limits.maxFiles()) {
                    throw new UploadRejected(400, FILES_FIELD, "tooManyFiles", fileName);
                }
                long room = Math.min(limits.maxFileBytes(), limits.maxTotalFileBytes() - totalFileBytes);
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                if (readUntilDelimiter(content, room) < 0) {
                    boolean fileLimit = room == limits.maxFileBytes();
                    throw new UploadRejected(413, FILES_FIELD, fileLimit ? "fileTooLarge" : "filesTooLarge", fileName);
                }
                totalFileBytes += content.size();
                files.add(new FilePart(name, fileName, headers.get("content-type"), content.toByteArray()));
            }
        }

        /**
         * Copies bytes up to the next delimiter into {@code sink} and steps over the delimiter.
         *
         * @return the number of bytes copied, or -1 when more than {@code limit} came first
         */
        private long readUntilDelimiter(OutputStream sink, long limit) throws IOException, UploadRejected {
            long copied = 0;
            while (true) {
                int found = indexOf(delimiter, pos, end);
                int upTo = found >= 0 ? found : Math.max(pos, end - delimiter.length + 1);
                copied += upTo - pos;
                if (copied > limit) {
                    return -1;
                }
                sink.write(buf, pos, upTo - pos);
                pos = upTo;
                if (found >= 0) {
                    pos += delimiter.length;
                    return copied;
                }
                if (!fill()) {
                    throw malformed();
                }
            }
        }

        private Map<String, String> readHeaders() throws IOException, UploadRejected {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; ; i++) {
                String line = readLine();
                if (line.isEmpty()) {
                    return headers;
                }
                int colon = line.indexOf(':');
                if (colon <= 0 || i >= MAX_HEADERS) {
                    throw malformed();
                }
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }

        private String readLine() throws IOException, UploadRejected {
            while (true) {
                for (int i = pos; i + 1 < end; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n') {
                        String line = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
                        pos = i + 2;
                        return line;
                    }
                }
                if (end - pos > MAX_HEADER_LINE || !fill()) {
                    throw malformed();
                }
            }
        }

        private void require(int n) throws IOException, UploadRejected {
            while (end - pos < n) {
                if (!fill()) {
                    throw malformed();
                }
            }
        }

        private boolean fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, end - pos);
                end -= pos;
                pos = 0;
            }
            if (end == buf.length) {
                return false;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n <= 0) {
                return false;
            }
            end += n;
            return true;
        }

        private int indexOf(byte[] pattern, int from, int to) {
            outer:
            for (int i = from; i <= to - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (buf[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private static UploadRejected malformed() {
        return new UploadRejected(400, null, "malformed", null);
    }

    private static String utf8(byte[] bytes, String field) throws UploadRejected {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UploadRejected(400, field, "encoding", null);
        }
    }

    /** A parameter of a header value such as {@code form-data; name="a"; filename="b.pdf"}. */
    static String parameter(String headerValue, String name) {
        int i = 0;
        int n = headerValue.length();
        while (i < n) {
            int semi = headerValue.indexOf(';', i);
            if (semi < 0) {
                return null;
            }
            i = semi + 1;
            while (i < n && headerValue.charAt(i) == ' ') {
                i++;
            }
            int eq = headerValue.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String key = headerValue.substring(i, eq).trim();
            i = eq + 1;
            String value;
            if (i < n && headerValue.charAt(i) == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                // Browsers send a quote inside a name as %22 and a backslash as itself (HTML's
                // form encoding), so a backslash is no escape here: C:\dir\file.pdf stays whole.
                while (i < n && headerValue.charAt(i) != '"') {
                    text.append(headerValue.charAt(i));
                    i++;
                }
                i++;
                value = text.toString();
            } else {
                int next = headerValue.indexOf(';', i);
                value = headerValue.substring(i, next < 0 ? n : next).trim();
                i = next < 0 ? n : next;
            }
            if (key.equalsIgnoreCase(name)) {
                return value;
            }
        }
        return null;
    }

    /** Drops any folder a browser put before the name, and control characters. */
    static String baseName(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        return result.length() > 200 ? result.substring(result.length() - 200) : result;
    }
}
