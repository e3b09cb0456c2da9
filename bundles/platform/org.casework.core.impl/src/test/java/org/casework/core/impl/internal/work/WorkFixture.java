package org.casework.core.impl.internal.work;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.core.api.Caller;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.impl.internal.CaseEngine;
import org.casework.core.impl.internal.WorkTestEngine;
import org.casework.security.api.UserAccount;
import org.casework.security.api.UserService;
import org.casework.testing.DerbyJpaTemplate;

/** The engine on in-memory Derby with its migrations, a movable clock, and the work services on top. */
final class WorkFixture implements AutoCloseable {

    static final CaseTypeDefinition TYPE = CaseTypeDefinition.builder("matter")
            .label("Matter", "Matters").numberPrefix("MA").titleField("title")
            .field(FieldDefinition.text("title", "Title").required())
            .state("OPEN", "Open").state("WORKING", "Working").closedState("CLOSED", "Closed")
            .transition("start", "Start", "WORKING", "OPEN")
            .transition("close", "Close", "CLOSED", "OPEN", "WORKING")
            .allow(CaseAction.CREATE, "staff").allow(CaseAction.READ, "staff", "viewer")
            .allow(CaseAction.UPDATE, "staff")
            .build();

    static final Caller ANA = caller("ana", Set.of("staff"), Set.of());
    static final Caller BEN = caller("ben", Set.of("staff"), Set.of());
    static final Caller VIEWER = caller("vic", Set.of("viewer"), Set.of());
    static final Caller OUTSIDER = caller("oz", Set.of("other"), Set.of());
    static final Caller MANAGER = caller("meg", Set.of("staff", "manager"), Set.of("time-entries:manage", "reports:read"));

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final DerbyJpaTemplate jpa;
    final CaseEngine engine;
    final UserService users = mock(UserService.class);
    private final AuditService audit;
    int lockDays;

    WorkFixture() throws Exception {
        jpa = new DerbyJpaTemplate("casework-core-test", "V1__case_engine.derby.sql", "V2__owner_division.derby.sql", "V3__field_provenance.derby.sql",
                "V4__case_work.sql");
        AuditService audit = mock(AuditService.class);
        org.mockito.Mockito.doAnswer(inv -> audited.add(inv.getArgument(1))).when(audit).record(any(), any());
        engine = WorkTestEngine.engine(jpa, TYPE, audit, clock);
        when(users.find(any(), anyString())).thenAnswer(inv -> {
            String name = inv.getArgument(1);
            return Set.of("ana", "ben", "meg").contains(name)
                    ? Optional.of(new UserAccount(name, name, name + "@example.org", Set.of("staff"), Set.of(), true,
                            false, Instant.EPOCH, 0))
                    : Optional.empty();
        });
        this.audit = audit;
    }

    static Caller caller(String name, Set<String> roles, Set<String> permissions) {
        return new Caller(name, name, roles, Set.of(), false, false, permissions);
    }

    WorkConfig config() {
        return new WorkConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WorkConfig.class;
            }

            @Override
            public int timeEntryLockDays() {
                return lockDays;
            }

            @Override
            public String[] memberRoles() {
                return new String[] {"lead", "member", "reviewer"};
            }

            @Override
            public String[] eventKinds() {
                return new String[] {"meeting", "deadline"};
            }
        };
    }

    TimeEntries timeEntries() {
        return new TimeEntries(engine, audit, users, config(), clock);
    }

    CaseTeam team() {
        return new CaseTeam(engine, audit, users, config(), clock);
    }

    java.time.LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    long newCase(String title) {
        return engine.create(ANA, TYPE.key(), java.util.Map.of("title", title)).id();
    }

    @Override
    public void close() {
        jpa.close();
    }
}
