package org.casework.console.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The console's front door: {@code /console} redirects to {@code /console/}, which answers the
 * console page itself ({@code index.html}); the page's scripts and styles come from
 * {@link ConsoleResources}, and {@link RootRedirectServlet} sends {@code /} here.
 */
@Component(service = Servlet.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=casework-console-entry",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/console",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/console/"})
public class ConsoleEntryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String CONSOLE_PATH = "/console/";
    static final String INDEX_ENTRY = "/web/index.html";

    private final transient URL indexPage;

    @Activate
    public ConsoleEntryServlet(BundleContext bundleContext) {
        this(bundleContext.getBundle().getEntry(INDEX_ENTRY));
    }

    ConsoleEntryServlet(URL indexPage) {
        if (indexPage == null) {
            throw new IllegalStateException("The console bundle lacks " + INDEX_ENTRY);
        }
        this.indexPage = indexPage;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(response);
        String contextPath = request.getContextPath() == null ? "" : request.getContextPath();
        String path = request.getRequestURI().substring(contextPath.length());
        if (!CONSOLE_PATH.equals(path)) {
            response.sendRedirect(contextPath + CONSOLE_PATH);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = indexPage.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
