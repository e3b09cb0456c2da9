package org.casework.mail.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.casework.mail.api.MailException;
import org.casework.mail.api.MailMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Sends through an in-process GreenMail SMTP server. */
class SmtpMailServiceTest {

    private GreenMail greenMail;
    private SmtpMailService mail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (mail != null) {
            mail.deactivate();
        }
        greenMail.stop();
    }

    @Test
    void sendsPlainText() throws Exception {
        mail = new SmtpMailService(config(true, greenMail.getSmtp().getPort(), 1, 0));
        mail.send(new MailMessage(List.of("officer@example.org"), "Alert: sign-ins", "Five failures for jdoe"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Alert: sign-ins", received[0].getSubject());
        assertEquals("casework@example.org", received[0].getFrom()[0].toString());
        assertTrue(GreenMailUtil.getBody(received[0]).contains("Five failures for jdoe"));
    }

    @Test
    void sendsHtmlAlternativeAndAttachments() throws Exception {
        mail = new SmtpMailService(config(true, greenMail.getSmtp().getPort(), 1, 0));
        byte[] pdf = "%PDF-1.4 pretend".getBytes(StandardCharsets.US_ASCII);
        mail.send(new MailMessage(List.of("a@example.org", "b@example.org"), "Your complaint \u2116 42",
                "Thank you.", "<p>Thank you.</p>",
                List.of(new MailMessage.Attachment("receipt.pdf", "application/pdf", pdf))))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient");
        MimeMessage m = received[0];
        assertEquals("Your complaint \u2116 42", m.getSubject());
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertEquals(2, mixed.getCount());
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        assertEquals("receipt.pdf", mixed.getBodyPart(1).getFileName());
        assertEquals(pdf.length, mixed.getBodyPart(1).getInputStream().readAllBytes().length);
    }

    @Test
    void anUnreachableServerIsRetriedThenGivenUp() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        mail = new SmtpMailService(config(true, closed, 3, 5));
        var result = mail.send(new MailMessage(List.of("a@example.org"), "s", "t")).toCompletableFuture();
        CompletionException failed = assertThrows(CompletionException.class, result::join);
        assertInstanceOf(MailException.class, failed.getCause());
    }

    @Test
    void aRetryReachesTheServerOnceItIsThere() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        mail = new SmtpMailService(config(true, closed, 3, 300));
        var result = mail.send(new MailMessage(List.of("a@example.org"), "retried", "t")).toCompletableFuture();
        // each attempt reads the configuration afresh: the one after the change reaches the server
        mail.modified(config(true, greenMail.getSmtp().getPort(), 3, 300));
        result.get(10, TimeUnit.SECONDS);
        assertEquals("retried", greenMail.getReceivedMessages()[0].getSubject());
    }

    @Test
    void switchedOffSendsNothing() {
        mail = new SmtpMailService(config(false, greenMail.getSmtp().getPort(), 1, 0));
        var result = mail.send(new MailMessage(List.of("a@example.org"), "s", "t")).toCompletableFuture();
        assertThrows(CompletionException.class, result::join);
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void aMalformedAddressIsRefusedAtOnce() {
        mail = new SmtpMailService(config(true, greenMail.getSmtp().getPort(), 1, 0));
        assertThrows(MailException.class,
                () -> mail.send(new MailMessage(List.of("not an address"), "s", "t")));
    }

    static SmtpMailService.Config config(boolean enabled, int port, int attempts, long retryDelayMs) {
        return new SmtpMailService.Config() {
            @Override public Class<? extends Annotation> annotationType() { return SmtpMailService.Config.class; }
            @Override public boolean enabled() { return enabled; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return port; }
            @Override public String from() { return "casework@example.org"; }
            @Override public String username() { return ""; }
            @Override public String password() { return ""; }
            @Override public boolean starttls() { return false; }
            @Override public boolean ssl() { return false; }
            @Override public int connectTimeoutMs() { return 2_000; }
            @Override public int timeoutMs() { return 5_000; }
            @Override public int attempts() { return attempts; }
            @Override public long retryDelayMs() { return retryDelayMs; }
        };
    }
}
