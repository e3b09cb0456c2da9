package org.casework.core.impl.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    @Test
    void recognisesDocumentsByTheirBytes() {
        assertEquals(Optional.of(ContentSniffer.PDF), ContentSniffer.sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)).contentType());
        assertEquals(Optional.of(ContentSniffer.PNG), ContentSniffer.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}).contentType());
        assertEquals(Optional.of(ContentSniffer.TEXT), ContentSniffer.sniff("Olá, mundo".getBytes(StandardCharsets.UTF_8)).contentType());
    }

    @Test
    void aProgramNamedLikeAPdfIsAnExecutable() {
        byte[] exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0};
        assertTrue(ContentSniffer.sniff(exe).executable());
        assertTrue(ContentSniffer.sniff("#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.US_ASCII)).executable());
        assertTrue(ContentSniffer.sniff(new byte[] {0x7f, 'E', 'L', 'F', 2}).executable());
    }

    @Test
    void officeDocumentsAreTellApartFromZipsWithPrograms() throws IOException {
        assertEquals(Optional.of(ContentSniffer.DOCX), ContentSniffer.sniff(zip("word/document.xml")).contentType());
        assertTrue(ContentSniffer.sniff(zip("word/document.xml", "word/vbaProject.bin")).executable());
        assertEquals(Optional.empty(), ContentSniffer.sniff(zip("notes/readme.md")).contentType());
    }

    @Test
    void claimedTypeMustMatch() {
        assertTrue(ContentSniffer.compatible("application/pdf", ContentSniffer.PDF));
        assertTrue(ContentSniffer.compatible("text/csv; charset=utf-8", ContentSniffer.TEXT));
        assertFalse(ContentSniffer.compatible("application/pdf", ContentSniffer.PNG));
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("x".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
