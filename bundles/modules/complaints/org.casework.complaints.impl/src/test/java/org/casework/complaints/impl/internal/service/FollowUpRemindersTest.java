package org.casework.complaints.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.casework.complaints.impl.internal.persistence.ComplaintStore;
import org.casework.mail.api.MailMessage;
import org.casework.mail.api.MailService;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class FollowUpRemindersTest {

    @Test
    void aDueFollowUpIsRemindedOnceByMail() throws Exception {
        Instant now = Instant.parse("2026-03-10T08:00:00Z");
        try (DerbyJpaTemplate jpa = new DerbyJpaTemplate("casework-complaints-test", "V1__complaints.derby.sql", "V2__person_key_dob.derby.sql", "V4__person_key_newest.derby.sql")) {
            ComplaintStore store = new ComplaintStore(jpa);
            store.save(new ComplaintStore.Snapshot(70, "CMP-2026-000070", "ACCEPTED", false, "ann", "clerk", null,
                    "MAIL", false, now, null, null, List.of("A B"), Set.of("a b")));
            store.addEngagement(70, now, "ICE ERO Newark", "EMAIL", "asked", LocalDate.parse("2026-03-10"), "ann", now);
            store.addEngagement(70, now, "CBP", "EMAIL", "later", LocalDate.parse("2026-03-11"), "ann", now);
            MailService mail = mock(MailService.class);
            when(mail.enabled()).thenReturn(true);
            when(mail.send(any())).thenReturn(CompletableFuture.completedFuture(null));
            FollowUpReminders reminders = new FollowUpReminders(store, mail, ComplaintServiceTest.config(),
                    Clock.fixed(now, ZoneOffset.UTC), false);

            assertEquals(1, reminders.run());
            assertEquals(0, reminders.run());

            ArgumentCaptor<MailMessage> sent = ArgumentCaptor.forClass(MailMessage.class);
            verify(mail, times(1)).send(sent.capture());
            assertEquals(List.of("duty@office.test"), sent.getValue().to());
            assertEquals("Follow-up due on complaint CMP-2026-000070", sent.getValue().subject());
        }
    }
}
