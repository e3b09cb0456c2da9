package org.casework.mail.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MailMessageTest {

    @Test
    void needsARecipient() {
        assertThrows(IllegalArgumentException.class, () -> new MailMessage(List.of(), "s", "t"));
    }

    @Test
    void copiesWhatItIsGiven() {
        List<String> to = new ArrayList<>(List.of("a@example.org"));
        byte[] bytes = {1, 2, 3};
        MailMessage m = new MailMessage(to, "s", "t", null,
                List.of(new MailMessage.Attachment("a.bin", "application/octet-stream", bytes)));
        to.add("b@example.org");
        bytes[0] = 9;
        assertEquals(List.of("a@example.org"), m.to());
        assertArrayEquals(new byte[] {1, 2, 3}, m.attachments().get(0).content());
    }
}
