package org.casework.mail.impl.internal;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.casework.mail.api.MailException;
import org.casework.mail.api.MailMessage;
import org.casework.mail.api.MailService;
import org.eclipse.angus.activation.MailcapRegistryProviderImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Sends mail over SMTP on a thread of its own, retrying a refused or unreachable server with
 * doubling pauses, so that no caller waits on the mail server or holds a transaction open for it.
 */
@Component(service = MailService.class, configurationPid = SmtpMailService.PID)
@Designate(ocd = SmtpMailService.Config.class)
public class SmtpMailService implements MailService {

    static final String PID = "org.casework.mail";

    /** Environment variable holding the SMTP password when the configuration leaves it empty. */
    static final String PASSWORD_ENV = "CASEWORK_SMTP_PASSWORD";

    @ObjectClassDefinition(name = "Casework outgoing mail")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "When off, no mail is sent")
        boolean enabled() default false;

        @AttributeDefinition(name = "SMTP host")
        String host() default "localhost";

        @AttributeDefinition(name = "SMTP port")
        int port() default 25;

        @AttributeDefinition(name = "Sender address")
        String from() default "casework@localhost";

        @AttributeDefinition(name = "User name", description = "Empty when the server needs no sign-in")
        String username() default "";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
                description = "Empty takes the environment variable " + PASSWORD_ENV)
        String password() default "";

        @AttributeDefinition(name = "Require STARTTLS")
        boolean starttls() default false;

        @AttributeDefinition(name = "TLS from the start (SMTPS, usually port 465)")
        boolean ssl() default false;

        @AttributeDefinition(name = "Connect timeout (ms)")
        int connectTimeoutMs() default 10_000;

        @AttributeDefinition(name = "Read and write timeout (ms)")
        int timeoutMs() default 30_000;

        @AttributeDefinition(name = "Attempts", description = "How often a message is tried before it is given up")
        int attempts() default 4;

        @AttributeDefinition(name = "First retry pause (ms)", description = "Doubles with each further attempt")
        long retryDelayMs() default 5_000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailService.class);
    private static final ClassLoader PROVIDERS = new ProviderClassLoader(Session.class.getClassLoader(),
            MailcapRegistryProviderImpl.class.getClassLoader());

    private final ScheduledExecutorService sender;
    private volatile Config config;

    @Activate
    public SmtpMailService(Config config) {
        this.config = config;
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "casework-mail");
            t.setDaemon(true);
            return t;
        });
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        sender.shutdownNow();
        sender.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public CompletionStage<Void> send(MailMessage message) {
        List<InternetAddress> to = new ArrayList<>();
        for (String address : message.to()) {
            to.add(address(address));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!config.enabled()) {
            LOG.debug("Mail is switched off; '{}' is not sent", message.subject());
            done.completeExceptionally(new MailException("Mail is switched off"));
            return done;
        }
        try {
            sender.execute(() -> attempt(message, to, 1, done));
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new MailException("The mail service is stopping", e));
        }
        return done;
    }

    private static InternetAddress address(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed;
        } catch (AddressException e) {
            throw new MailException("Not a usable mail address: " + address, e);
        }
    }

    private void attempt(MailMessage message, List<InternetAddress> to, int attempt, CompletableFuture<Void> done) {
        Config c = config;
        try {
            deliver(c, message, to);
            LOG.debug("Mail '{}' sent to {} recipient(s)", message.subject(), to.size());
            done.complete(null);
        } catch (MessagingException | RuntimeException e) {
            int attempts = Math.max(1, c.attempts());
            if (attempt >= attempts) {
                // the exception text names the host and the server's answer, never the password
                LOG.warn("Mail '{}' to {} recipient(s) not sent after {} attempt(s): {}", message.subject(),
                        to.size(), attempt, e.toString());
                done.completeExceptionally(new MailException("Mail not sent: " + e.getMessage(), e));
                return;
            }
            long pause = Math.max(0, c.retryDelayMs()) << Math.min(attempt - 1, 10);
            LOG.debug("Mail '{}' attempt {} failed ({}); next in {} ms", message.subject(), attempt, e, pause);
            try {
                sender.schedule(() -> attempt(message, to, attempt + 1, done), pause, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                done.completeExceptionally(new MailException("The mail service stopped before the message was sent", e));
            }
        }
    }

    private static void deliver(Config c, MailMessage message, List<InternetAddress> to) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PROVIDERS);
        try {
            String protocol = c.ssl() ? "smtps" : "smtp";
            String user = c.username() == null || c.username().isBlank() ? null : c.username().strip();
            Session session = Session.getInstance(properties(c, protocol, user != null));
            MimeMessage mime = build(session, c, message, to);
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(c.host(), c.port(), user, user == null ? null : password(c));
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Properties properties(Config c, String protocol, boolean auth) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "host", c.host());
        p.setProperty(prefix + "port", Integer.toString(c.port()));
        p.setProperty(prefix + "auth", Boolean.toString(auth));
        p.setProperty(prefix + "connectiontimeout", Integer.toString(c.connectTimeoutMs()));
        p.setProperty(prefix + "timeout", Integer.toString(c.timeoutMs()));
        p.setProperty(prefix + "writetimeout", Integer.toString(c.timeoutMs()));
        p.setProperty(prefix + "ssl.checkserveridentity", "true");
        if (c.starttls()) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        return p;
    }

    /** The configured password, or the environment's when the configuration has none. */
    private static String password(Config c) {
        String configured = c.password();
        // an unresolved ${env:...} placeholder counts as empty
        if (configured == null || configured.isEmpty() || configured.startsWith("${")) {
            String env = System.getenv(PASSWORD_ENV);
            return env == null ? "" : env;
        }
        return configured;
    }

    static MimeMessage build(Session session, Config c, MailMessage message, List<InternetAddress> to)
            throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(address(c.from()));
        mime.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(new Date());
        MimeMultipart alternative = alternative(message);
        if (message.attachments().isEmpty()) {
            if (alternative == null) {
                mime.setText(message.text(), "UTF-8");
            } else {
                mime.setContent(alternative);
            }
        } else {
            MimeBodyPart body = new MimeBodyPart();
            if (alternative == null) {
                body.setText(message.text(), "UTF-8");
            } else {
                body.setContent(alternative);
            }
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (MailMessage.Attachment a : message.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                try {
                    part.setFileName(MimeUtility.encodeText(a.name(), "UTF-8", null));
                } catch (UnsupportedEncodingException e) {
                    throw new MessagingException("UTF-8 is not available", e);
                }
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    /** The text and HTML bodies as alternatives, or null for a text-only message. */
    private static MimeMultipart alternative(MailMessage message) throws MessagingException {
        if (message.html() == null) {
            return null;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        return alternative;
    }
}
