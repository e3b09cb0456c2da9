package org.casework.console.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class WebEntryPointsTest {

    private static final URL INDEX = WebEntryPointsTest.class.getResource(ConsoleEntryServlet.INDEX_ENTRY);

    @Test
    void consoleWithoutSlashRedirectsToTheConsole() throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);

        new ConsoleEntryServlet(INDEX).doGet(request("/console"), response);

        verify(response).sendRedirect("/console/");
        verifySecurityHeaders(response);
    }

    @Test
    void consoleAnswersTheConsolePage() throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(stream(body));

        new ConsoleEntryServlet(INDEX).doGet(request("/console/"), response);

        verify(response).setContentType("text/html;charset=UTF-8");
        verify(response).setHeader("Cache-Control", "no-cache");
        verifySecurityHeaders(response);
        String html = body.toString(StandardCharsets.UTF_8);
        assertTrue(html.contains("<script type=\"module\" src=\"/console/js/app.js\"></script>"), html);
    }

    @Test
    void rootRedirectsToTheConsole() throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);

        new RootRedirectServlet().doGet(request("/"), response);

        verify(response).sendRedirect("/console/");
    }

    @Test
    void otherPathsReachingTheRootServletAreNotFound() throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);

        new RootRedirectServlet().doGet(request("/favicon.ico"), response);

        verify(response).sendError(404);
    }

    @Test
    void filterAddsSecurityHeadersBeforeTheResponseIsWritten() throws Exception {
        HttpServletRequest request = request("/console/js/app.js");
        HttpServletResponse response = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);

        new SecurityHeadersFilter().doFilter(request, response, chain);

        verifySecurityHeaders(response);
        verify(response).setHeader("Cache-Control", "no-cache");
        verify(chain).doFilter(request, response);
    }

    @Test
    void policyAllowsNothingButTheConsolesOwnOrigin() {
        String csp = SecurityHeaders.CONTENT_SECURITY_POLICY;
        assertTrue(csp.contains("default-src 'self'"));
        assertTrue(csp.contains("script-src 'self';"));
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertTrue(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
    }

    @Test
    void theConsolePageIsInTheBundle() {
        assertNotNull(INDEX, "web/index.html is missing from the bundle");
        assertEquals("/web/index.html", ConsoleEntryServlet.INDEX_ENTRY);
    }

    private static void verifySecurityHeaders(HttpServletResponse response) {
        verify(response).setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response).setHeader("Referrer-Policy", "no-referrer");
        verify(response).setHeader("X-Frame-Options", "DENY");
    }

    private static HttpServletRequest request(String uri) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContextPath()).thenReturn("");
        when(request.getRequestURI()).thenReturn(uri);
        return request;
    }

    private static ServletOutputStream stream(ByteArrayOutputStream target) {
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener writeListener) {
                // blocking test stream
            }

            @Override
            public void write(int b) {
                target.write(b);
            }
        };
    }
}
