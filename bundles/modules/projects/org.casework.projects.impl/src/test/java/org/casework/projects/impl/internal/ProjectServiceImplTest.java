package org.casework.projects.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.audit.api.AuditService;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.FieldError;
import org.casework.core.api.LinkRecord;
import org.casework.core.api.ValidationException;
import org.casework.projects.api.ProjectService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectServiceImplTest {

    private static final Caller ANN = new Caller("ann", "Ann", Set.of("attorney"), Set.of("occ-sf"), false, false);
    private static final Instant NOW = Instant.parse("2026-06-15T15:00:00Z");

    private CaseService cases;
    private ProjectServiceImpl service;

    @BeforeEach
    void setUp() {
        cases = mock(CaseService.class);
        service = new ProjectServiceImpl(cases, mock(AuditService.class));
    }

    private void project(long id, String projectType) {
        when(cases.get(ANN, "project", id)).thenReturn(new CaseRecord(id, "project", "PRJ-2026-00000" + id, "T",
                "OPEN", false, 4, null, null, Map.of("title", "T", "projectType", projectType), NOW, "ann", NOW, "ann",
                "occ-sf"));
    }

    @Test
    void aConvertedPlaceholderIsLinkedToItsCaseAndClosedWithANote() {
        project(3, ProjectService.PLACEHOLDER);
        when(cases.links(ANN, "project", 3)).thenReturn(List.of());
        when(cases.link(ANN, "project", 3, 9, "placeholder-for")).thenReturn(new LinkRecord(1, 3, 9,
                "immigration-case", "IMM-2026-000009", "placeholder-for", NOW, "ann"));
        assertEquals(9, service.convertedToCase(ANN, 3, 9).otherCaseId());
        verify(cases).transition(eq(ANN), eq("project"), eq(3L), eq(4L), eq("close"), contains("IMM-2026-000009"));
    }

    @Test
    void onlyAPlaceholderConvertsAndOnlyOnce() {
        project(3, "BUDGET");
        ValidationException e = assertThrows(ValidationException.class, () -> service.convertedToCase(ANN, 3, 9));
        assertEquals(List.of("projectId"), e.errors().stream().map(FieldError::field).toList());

        project(4, ProjectService.PLACEHOLDER);
        when(cases.links(ANN, "project", 4)).thenReturn(List.of(new LinkRecord(1, 4, 8, "immigration-case",
                "IMM-2026-000008", "placeholder-for", NOW, "ann")));
        assertThrows(ValidationException.class, () -> service.convertedToCase(ANN, 4, 9));
        verify(cases, never()).link(any(), anyString(), anyLong(), anyLong(), anyString());
    }

    @Test
    void aPlaceholderNamesThePersonItIsAbout() {
        List<FieldError> errors = new ArrayList<>();
        new ProjectType().validate(Map.of("title", "T", "projectType", ProjectService.PLACEHOLDER), errors);
        assertEquals("fields.person", errors.get(0).field());
        errors.clear();
        new ProjectType().validate(Map.of("title", "T", "projectType", "TASKING"), errors);
        assertTrue(errors.isEmpty());
        assertEquals(ProjectService.PROJECT_TYPES, ProjectType.DEFINITION.field("projectType").orElseThrow().options());
    }
}
