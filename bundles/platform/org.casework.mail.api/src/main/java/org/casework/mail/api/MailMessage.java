package org.casework.mail.api;

import java.util.List;
import java.util.Objects;

/**
 * One message to send. The sender is the configured address of the installation.
 *
 * @param to the recipients' addresses, at least one
 * @param subject the subject line
 * @param text the plain-text body, always sent
 * @param html an HTML alternative of the body, or null
 * @param attachments files to attach, possibly empty
 */
public record MailMessage(List<String> to, String subject, String text, String html,
        List<Attachment> attachments) {

    /**
     * A file attached to a message.
     *
     * @param name the file name shown to the recipient
     * @param contentType its media type, e.g. {@code application/pdf}
     * @param content its bytes
     */
    public record Attachment(String name, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            content = Objects.requireNonNull(content, "content").clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    public MailMessage {
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        if (to.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least one recipient");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A plain-text message without attachments. */
    public MailMessage(List<String> to, String subject, String text) {
        this(to, subject, text, null, List.of());
    }
}
