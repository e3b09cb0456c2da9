package org.casework.audit.impl.internal.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.casework.core.api.CaseworkException;
import org.casework.core.api.NotFoundException;
import org.casework.mail.api.MailException;
import org.casework.mail.api.MailMessage;
import org.casework.mail.api.MailService;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The engine storing alerts in Derby and mailing them through a mocked mail service. */
class AlertEngineTest {

    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    private DerbyJpaTemplate jpa;
    private AlertStore store;
    private MailService mail;
    private AlertEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-audit-test", "V1__audit.derby.sql", "V2__alerts.derby.sql");
        store = new AlertStore(jpa, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        mail = mock(MailService.class);
        when(mail.enabled()).thenReturn(true);
        when(mail.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        engine = new AlertEngine(store, Configs.alerts(Map.of("failures_limit", 2,
                "notify$", "officer@example.org, deputy@example.org")), Runnable::run);
        engine.setMail(mail);
    }

    @AfterEach
    void tearDown() throws Exception {
        jpa.close();
    }

    private static Entry failure(String name, int second) {
        return new Entry(second + 1, NOW.plusSeconds(second), name, false, "10.0.0.7", "logon-failed", "user", null,
                "failed");
    }

    private void failures(String name, int count) {
        for (int i = 0; i < count; i++) {
            engine.chained(failure(name, i));
        }
    }

    @Test
    void anAlertIsStoredAndMailedToEveryAddress() {
        failures("jdoe", 3);

        AlertPage page = store.search(new AlertQuery(null, null, null, null, null, 0, 10));
        assertEquals(1, page.total());
        AlertView a = page.items().get(0);
        assertEquals("sign-in-failures", a.rule());
        assertEquals("jdoe", a.username());
        assertEquals("10.0.0.7", a.sourceAddress());
        assertEquals("open", a.status());
        assertEquals(NOW.plusSeconds(2), a.raisedAt());

        ArgumentCaptor<MailMessage> sent = ArgumentCaptor.forClass(MailMessage.class);
        verify(mail).send(sent.capture());
        assertEquals(List.of("officer@example.org", "deputy@example.org"), sent.getValue().to());
        assertTrue(sent.getValue().subject().startsWith("Casework alert: More than 2 failed sign-ins for jdoe"),
                sent.getValue().subject());
        assertTrue(sent.getValue().text().contains("Alert: " + a.id()), sent.getValue().text());
    }

    @Test
    void theAlertIsStoredWhenMailFails() {
        when(mail.send(any())).thenThrow(new MailException("Not a usable mail address: x"));
        failures("jdoe", 3);
        assertEquals(1, store.search(new AlertQuery("open", null, "jdoe", null, null, 0, 10)).total());
    }

    @Test
    void withoutMailTheAlertIsOnlyStored() {
        engine.setMail(null);
        failures("jdoe", 3);
        assertEquals(1, store.search(new AlertQuery(null, "sign-in-failures", null, null, null, 0, 10)).total());
    }

    @Test
    void switchedOffMailSendsNothing() {
        when(mail.enabled()).thenReturn(false);
        failures("jdoe", 3);
        verify(mail, never()).send(any());
        assertEquals(1, store.search(new AlertQuery(null, null, null, null, null, 0, 10)).total());
    }

    @Test
    void newThresholdsTakeEffectOnChange() {
        engine.modified(Configs.alerts(Map.of("failures_limit", 10)));
        failures("jdoe", 5);
        assertEquals(0, store.search(new AlertQuery(null, null, null, null, null, 0, 10)).total());
    }

    @Test
    void searchFiltersPagesAndSortsNewestFirst() {
        for (int i = 0; i < 5; i++) {
            store.insert(new Alert(Rule.BULK_EXPORT, "u" + i, null, NOW.plusSeconds(i), "s" + i, "d"));
        }
        store.insert(new Alert(Rule.OFF_HOURS_SIGN_IN, "u1", null, NOW.plusSeconds(10), "late", "d"));
        AlertPage first = store.search(new AlertQuery(null, null, null, null, null, 0, 2));
        assertEquals(6, first.total());
        assertEquals(List.of("late", "s4"), first.items().stream().map(AlertView::summary).toList());
        assertEquals(List.of("s1"), store.search(new AlertQuery(null, "bulk-export", "u1", null, null, 0, 10))
                .items().stream().map(AlertView::summary).toList());
        assertEquals(2, store.search(new AlertQuery(null, null, null, NOW.plusSeconds(3), NOW.plusSeconds(10), 0, 10))
                .total());
    }

    @Test
    void anAlertIsAcknowledgedOnce() {
        AlertView stored = store.insert(new Alert(Rule.BULK_EXPORT, "u", null, NOW, "s", "d"));
        long id = stored.id();
        AlertView done = store.acknowledge(id, "officer", "Checked with the manager.");
        assertEquals("acknowledged", done.status());
        assertEquals("officer", done.acknowledgedBy());
        assertEquals(NOW.plusSeconds(60), done.acknowledgedAt());
        assertEquals("Checked with the manager.", done.comment());
        assertEquals(stored.version() + 1, done.version());
        CaseworkException again = assertThrows(CaseworkException.class, () -> store.acknowledge(id, "other", null));
        assertEquals(409, again.status());
        assertThrows(NotFoundException.class, () -> store.acknowledge(id + 1000, "officer", null));
        assertNull(store.find(id + 1000).orElse(null));
        assertEquals("acknowledged", store.find(id).orElseThrow().status());
        assertEquals(1, store.search(new AlertQuery("acknowledged", null, null, null, null, 0, 10)).total());
    }
}
