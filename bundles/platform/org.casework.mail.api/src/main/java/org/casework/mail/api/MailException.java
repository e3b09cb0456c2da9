package org.casework.mail.api;

/** A message could not be sent: malformed, refused by the server, or mail is switched off. */
public class MailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public MailException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
