package org.casework.mail.api;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends mail through the office's SMTP server. Delivery happens on the mail service's own thread,
 * never in the caller's transaction: {@link #send} checks the message and returns at once, and a
 * refused or unreachable server is retried a few times with growing pauses before the message is
 * given up and the failure logged.
 */
@ProviderType
public interface MailService {

    /**
     * Queues a message for delivery.
     *
     * @return completes when the server has accepted the message; completes exceptionally with a
     *     {@link MailException} when mail is switched off or every attempt failed
     * @throws MailException at once when the message cannot be sent as given, e.g. a recipient
     *     address is malformed
     */
    CompletionStage<Void> send(MailMessage message);

    /** Whether mail is switched on in the configuration; when off, {@link #send} sends nothing. */
    boolean enabled();
}
