package org.casework.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileSnifferTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void documentsThatAreWhatTheirNamesSayAreAccepted() {
        assertEquals(FileSniffer.Kind.PDF, FileSniffer.check("record.PDF", bytes("%PDF-1.7\n...")).kind());
        assertEquals(FileSniffer.Kind.PNG, FileSniffer.check("photo.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}).kind());
        assertEquals(FileSniffer.Kind.JPEG, FileSniffer.check("photo.jpeg",
                new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}).kind());
        assertEquals(FileSniffer.Kind.TIFF, FileSniffer.check("scan.tif", new byte[] {'I', 'I', 42, 0, 8}).kind());
        assertEquals(FileSniffer.Kind.TEXT, FileSniffer.check("letter.txt",
                "Querida señora,\r\n\tgracias.".getBytes(StandardCharsets.UTF_8)).kind());
    }

    @Test
    void anExecutableDisguisedAsAPdfIsRefused() {
        FileSniffer.Verdict verdict = FileSniffer.check("statement.pdf", bytes("MZ\u0090\u0000\u0003\u0000This program"));
        assertFalse(verdict.accepted());
        assertEquals("fileContent", verdict.rule());
        assertEquals("fileContent", FileSniffer.check("notes.txt", bytes("#!/bin/sh\nrm -rf /\n")).rule());
        assertEquals("fileContent", FileSniffer.check("scan.pdf", bytes("\u007fELF\u0002\u0001")).rule());
        assertEquals("fileContent", FileSniffer.check("letter.txt", bytes("PK\u0003\u0004word")).rule());
    }

    @Test
    void aFileOfAnotherAcceptedKindUnderTheWrongNameIsRefused() {
        assertEquals("fileContent", FileSniffer.check("record.pdf",
                new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}).rule());
        assertEquals("fileContent", FileSniffer.check("letter.txt", new byte[] {'a', 0, 'b'}).rule());
    }

    @Test
    void namesWithoutAnAcceptedExtensionAndEmptyFilesAreRefused() {
        assertEquals("fileType", FileSniffer.check("setup.exe", bytes("%PDF-1.4")).rule());
        assertEquals("fileType", FileSniffer.check("page.html", bytes("<p>hi</p>")).rule());
        assertEquals("fileType", FileSniffer.check("noextension", bytes("%PDF-1.4")).rule());
        assertEquals("fileEmpty", FileSniffer.check("empty.pdf", new byte[0]).rule());
    }
}
