package org.casework.rest.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.junit.jupiter.api.Test;

class ApiFrontServletTest {

    private final ApiFrontServlet front = new ApiFrontServlet(config -> { });

    @Test
    void beforeTheFirstBuildTheApiAnswers503() throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(stream(body));
        front.service(mock(HttpServletRequest.class), response);
        verify(response).setStatus(503);
        assertEquals(ApiServlet.STARTING, body.toString());
    }

    @Test
    void aSwapNeitherDropsARequestInFlightNorClosesItsBuildUnderIt() throws Exception {
        Server oldServer = mock(Server.class);
        ApiServlet oldServlet = mock(ApiServlet.class);
        Bus oldBus = mock(Bus.class);
        ApiFrontServlet.Generation old = new ApiFrontServlet.Generation(oldBus, oldServlet, oldServer);
        ApiServlet newServlet = mock(ApiServlet.class);
        ApiFrontServlet.Generation next = new ApiFrontServlet.Generation(mock(Bus.class), newServlet, mock(Server.class));
        front.swap(old);

        // a request is being served by the old build when the new one is swapped in
        doAnswer(inv -> {
            front.swap(next);
            verify(oldServer, never()).destroy();
            return null;
        }).when(oldServlet).service(any(), any());
        front.service(mock(HttpServletRequest.class), mock(HttpServletResponse.class));

        // the old build closed when its last request finished; new requests reach the new build
        verify(oldServer).destroy();
        verify(oldBus).shutdown(true);
        HttpServletRequest later = mock(HttpServletRequest.class);
        front.service(later, mock(HttpServletResponse.class));
        verify(newServlet).service(any(), any());
    }

    private static ServletOutputStream stream(ByteArrayOutputStream target) {
        return new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
                target.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
    }
}
