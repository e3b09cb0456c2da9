package org.casework.litigation.impl.internal;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.casework.core.api.CaseService;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

class LazyServiceTest {

    @SuppressWarnings("unchecked")
    private final ServiceReference<CaseService> reference = mock(ServiceReference.class);
    private final BundleContext context = mock(BundleContext.class);
    private final CaseService cases = mock(CaseService.class);

    @Test
    void obtainsTheServiceOnFirstUseOnlyAndOnce() {
        when(context.getService(reference)).thenReturn(cases);
        LazyService<CaseService> lazy = new LazyService<>(context, reference);
        verify(context, never()).getService(reference);

        assertSame(cases, lazy.get());
        assertSame(cases, lazy.get());
        verify(context, times(1)).getService(reference);
    }

    @Test
    void releasesTheServiceOnCloseOnlyIfItWasObtained() {
        when(context.getService(reference)).thenReturn(cases);
        LazyService<CaseService> unused = new LazyService<>(context, reference);
        unused.close();
        verify(context, never()).ungetService(reference);

        LazyService<CaseService> used = new LazyService<>(context, reference);
        used.get();
        used.close();
        verify(context, times(1)).ungetService(reference);
    }

    @Test
    void saysSoWhenTheServiceIsGone() {
        LazyService<CaseService> lazy = new LazyService<>(context, reference);
        assertThrows(IllegalStateException.class, lazy::get);
    }
}
