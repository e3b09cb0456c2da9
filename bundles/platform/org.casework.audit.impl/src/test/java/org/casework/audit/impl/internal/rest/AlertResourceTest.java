package org.casework.audit.impl.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.impl.internal.alerts.AlertPage;
import org.casework.audit.impl.internal.alerts.AlertQuery;
import org.casework.audit.impl.internal.alerts.AlertStore;
import org.casework.audit.impl.internal.alerts.AlertView;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Parameter checks and auditing of the alerts API; the store is mocked. */
class AlertResourceTest {

    private final Caller officer = new Caller("officer", "Officer", Set.of("security-officer"), Set.of(), false, false);
    private AlertStore store;
    private AuditService audit;
    private SecurityContext sc;
    private AlertResource resource;

    @BeforeEach
    void setUp() {
        store = mock(AlertStore.class);
        audit = mock(AuditService.class);
        sc = mock(SecurityContext.class);
        when(sc.getUserPrincipal()).thenReturn(officer);
        resource = new AlertResource(store, audit);
    }

    private static AlertView alert(long id, String status) {
        return new AlertView(id, "bulk-export", "jdoe", null, Instant.EPOCH, "s", "d", status, null, null, null, 1);
    }

    private void assertBad(String field, Runnable call) {
        CaseworkException e = assertThrows(CaseworkException.class, call::run);
        assertEquals(400, e.status());
        assertEquals(field, e.errors().get(0).field());
    }

    @Test
    void refusesBadFiltersNamingThem() {
        assertBad("status", () -> resource.search(sc, null, "closed", null, null, null, null, null, null));
        assertBad("rule", () -> resource.search(sc, null, null, "nonsense", null, null, null, null, null));
        assertBad("from", () -> resource.search(sc, null, null, null, null, "monday", null, null, null));
        assertBad("to", () -> resource.search(sc, null, null, null, null, "2026-02-01T00:00:00Z",
                "2026-01-01T00:00:00Z", null, null));
        assertBad("page", () -> resource.search(sc, null, null, null, null, null, null, "-1", null));
        assertBad("size", () -> resource.search(sc, null, null, null, null, null, null, null, "201"));
        assertBad("size", () -> resource.search(sc, null, null, null, null, null, null, null, "ten"));
        verify(store, never()).search(any());
    }

    @Test
    void searchPassesFiltersAndIsAudited() {
        when(store.search(any())).thenReturn(new AlertPage(List.of(), 0, 1, 20));
        resource.search(sc, null, " OPEN ", "bulk-export", " jdoe ", "2026-01-01T00:00:00Z", null, "1", "20");
        ArgumentCaptor<AlertQuery> q = ArgumentCaptor.forClass(AlertQuery.class);
        verify(store).search(q.capture());
        assertEquals(new AlertQuery("open", "bulk-export", "jdoe", Instant.parse("2026-01-01T00:00:00Z"), null, 1, 20),
                q.getValue());
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit).record(eq(officer), event.capture());
        assertEquals("search", event.getValue().action());
        assertEquals("alert", event.getValue().recordType());
    }

    @Test
    void anIdThatCannotExistIsNotFound() {
        assertThrows(NotFoundException.class, () -> resource.get(sc, null, "abc"));
        assertThrows(NotFoundException.class, () -> resource.get(sc, null, "0"));
        when(store.find(anyLong())).thenReturn(Optional.empty());
        assertThrows(NotFoundException.class, () -> resource.get(sc, null, "5"));
        verify(audit, never()).record(any(), any());
    }

    @Test
    void readingIsAudited() {
        when(store.find(5L)).thenReturn(Optional.of(alert(5, "open")));
        assertEquals(5, resource.get(sc, null, "5").id());
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit).record(eq(officer), event.capture());
        assertEquals("view", event.getValue().action());
        assertEquals("5", event.getValue().recordId());
    }

    @Test
    void aTooLongCommentIsRefusedBeforeAnythingChanges() {
        assertBad("comment", () -> resource.acknowledge(sc, null, "5",
                new AlertResource.Acknowledgement("x".repeat(AlertResource.COMMENT_MAX + 1))));
        verify(store, never()).acknowledge(anyLong(), any(), any());
    }

    @Test
    void acknowledgingIsAuditedAsAStatusChange() {
        when(store.acknowledge(5L, "officer", "fine")).thenReturn(alert(5, "acknowledged"));
        assertEquals("acknowledged",
                resource.acknowledge(sc, null, "5", new AlertResource.Acknowledgement(" fine ")).status());
        resource.acknowledge(sc, null, "6", null);
        verify(store).acknowledge(6L, "officer", null);
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit, org.mockito.Mockito.times(2)).record(eq(officer), event.capture());
        assertEquals("update", event.getAllValues().get(0).action());
        assertEquals("acknowledged", event.getAllValues().get(0).changes().get(0).newValue());
    }
}
