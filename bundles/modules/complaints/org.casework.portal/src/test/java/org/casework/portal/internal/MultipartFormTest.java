package org.casework.portal.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final MultipartForm.Limits LIMITS = new MultipartForm.Limits(300_000, 500_000, 3, 1000, 50);

    private static MultipartForm parse(byte[] body, MultipartForm.Limits limits) throws Exception {
        return MultipartForm.parse(new ByteArrayInputStream(body), Multipart.BOUNDARY, limits);
    }

    @Test
    void readsTextFieldsAndFilesLargerThanItsBuffer() throws Exception {
        byte[] pdf = new byte[200_000];
        new Random(1).nextBytes(pdf);
        byte[] body = new Multipart()
                .field("detaineeName", "José Pérez")
                .field("categories", "medical")
                .field("categories", "abuse")
                .field("description", "line one\r\nline two")
                .file("attachments", "C:\\Users\\me\\record.pdf", "application/pdf", pdf)
                .file("attachments", "", "application/octet-stream", new byte[0])
                .build();

        MultipartForm form = parse(body, LIMITS);

        assertEquals("José Pérez", form.value("detaineeName"));
        assertEquals(List.of("medical", "abuse"), form.values("categories"));
        assertEquals("line one\r\nline two", form.value("description"));
        assertEquals(1, form.files().size(), "an empty file input sends no file");
        assertEquals("record.pdf", form.files().get(0).fileName());
        assertArrayEquals(pdf, form.files().get(0).content());
    }

    @Test
    void aFileOverTheLimitIsRefusedByName() {
        byte[] body = new Multipart().field("detaineeName", "A")
                .file("attachments", "scan.pdf", "application/pdf", new byte[300_001]).build();

        UploadRejected e = assertThrows(UploadRejected.class, () -> parse(body, LIMITS));

        assertEquals(413, e.status());
        assertEquals("fileTooLarge", e.rule());
        assertEquals("scan.pdf", e.fileName());
        assertEquals("attachments", e.field());
    }

    @Test
    void aFileExactlyAtTheLimitIsKept() throws Exception {
        byte[] body = new Multipart().file("attachments", "scan.pdf", "application/pdf", new byte[300_000]).build();
        assertEquals(300_000, parse(body, LIMITS).files().get(0).content().length);
    }

    @Test
    void filesOverTheTotalAreRefusedNamingTheOneThatCrossedIt() {
        byte[] body = new Multipart()
                .file("attachments", "one.pdf", "application/pdf", new byte[250_000])
                .file("attachments", "two.pdf", "application/pdf", new byte[250_001])
                .build();

        UploadRejected e = assertThrows(UploadRejected.class, () -> parse(body, LIMITS));

        assertEquals("filesTooLarge", e.rule());
        assertEquals("two.pdf", e.fileName());
    }

    @Test
    void tooManyFilesAreRefused() {
        Multipart m = new Multipart();
        for (int i = 1; i <= 4; i++) {
            m.file("attachments", "f" + i + ".txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        }
        UploadRejected e = assertThrows(UploadRejected.class, () -> parse(m.build(), LIMITS));
        assertEquals("tooManyFiles", e.rule());
        assertEquals("f4.txt", e.fileName());
    }

    @Test
    void aTooLongTextValueIsRefusedNamingTheField() {
        byte[] body = new Multipart().field("description", "x".repeat(1001)).build();
        UploadRejected e = assertThrows(UploadRejected.class, () -> parse(body, LIMITS));
        assertEquals("fieldTooLong", e.rule());
        assertEquals("description", e.field());
    }

    @Test
    void aTruncatedOrForeignBodyIsMalformed() {
        byte[] whole = new Multipart().field("a", "b").build();
        byte[] truncated = new String(whole, StandardCharsets.UTF_8).substring(0, whole.length - 10)
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("malformed", assertThrows(UploadRejected.class, () -> parse(truncated, LIMITS)).rule());
        assertEquals("malformed", assertThrows(UploadRejected.class,
                () -> parse("{\"json\":true}".getBytes(StandardCharsets.UTF_8), LIMITS)).rule());
    }

    @Test
    void invalidUtf8InATextFieldIsRefused() throws IOException {
        byte[] body = new Multipart().field("description", "\u00ff").build();
        String text = new String(body, StandardCharsets.ISO_8859_1).replace("\u00c3\u00bf", "\u00ff");
        UploadRejected e = assertThrows(UploadRejected.class,
                () -> parse(text.getBytes(StandardCharsets.ISO_8859_1), LIMITS));
        assertEquals("encoding", e.rule());
    }

    @Test
    void boundaryIsReadFromTheContentType() {
        assertEquals("abc", MultipartForm.boundaryOf("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartForm.boundaryOf("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""));
        assertNull(MultipartForm.boundaryOf("application/json"));
        assertNull(MultipartForm.boundaryOf(null));
        assertNull(MultipartForm.boundaryOf("multipart/form-data"));
    }

    @Test
    void dispositionParametersAreParsed() {
        String header = "form-data; name=\"attachments\"; filename=\"C:\\my %22best%22; file.pdf\"";
        assertEquals("attachments", MultipartForm.parameter(header, "name"));
        assertEquals("C:\\my %22best%22; file.pdf", MultipartForm.parameter(header, "filename"));
        assertNull(MultipartForm.parameter("form-data; name=\"x\"", "filename"));
    }
}
