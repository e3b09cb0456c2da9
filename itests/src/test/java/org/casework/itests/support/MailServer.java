package org.casework.itests.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A GreenMail SMTP and IMAP server in the driver JVM, on free loopback ports, for tests whose
 * container sends mail. Started from a test's {@code @Configuration} method (which runs in the
 * driver), it lives as long as the driver JVM; the container reaches it over real SMTP and IMAP.
 * Never touched inside the container, where GreenMail is not installed.
 */
public final class MailServer {

    /** The mailbox the tests send alerts to. */
    public static final String OFFICER = "officer@casework.test";

    /** Its IMAP password. */
    public static final String OFFICER_PASSWORD = "officer-mailbox";

    private static GreenMail server;

    private MailServer() {
    }

    /** Starts the server once per driver JVM; returns {SMTP port, IMAP port}. */
    public static synchronized int[] start() {
        if (server == null) {
            GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
            mail.setUser(OFFICER, OFFICER, OFFICER_PASSWORD);
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
            server = mail;
        }
        return new int[] {server.getSmtp().getPort(), server.getImap().getPort()};
    }
}
