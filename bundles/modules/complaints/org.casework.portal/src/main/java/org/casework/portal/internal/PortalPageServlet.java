package org.casework.portal.internal;

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
 * The portal's page: {@code /portal} redirects to {@code /portal/}, which answers the complaint
 * form ({@code index.html}). Anyone may load it: no sign-in, no session, no cookie.
 */
@Component(service = Servlet.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=casework-portal-page",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/portal",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/portal/"})
public class PortalPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PORTAL_PATH = "/portal/";
    static final String INDEX_ENTRY = "/web/index.html";

    private final transient URL indexPage;

    @Activate
    public PortalPageServlet(BundleContext bundleContext) {
        this(bundleContext.getBundle().getEntry(INDEX_ENTRY));
    }

    PortalPageServlet(URL indexPage) {
        if (indexPage == null) {
            throw new IllegalStateException("The portal bundle lacks " + INDEX_ENTRY);
        }
        this.indexPage = indexPage;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PortalHeaders.apply(response);
        String contextPath = request.getContextPath() == null ? "" : request.getContextPath();
        String path = request.getRequestURI().substring(contextPath.length());
        if (!PORTAL_PATH.equals(path)) {
            response.sendRedirect(contextPath + PORTAL_PATH);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = indexPage.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
