package org.casework.console.internal.web;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Sends the server's root ({@code http://host:8181/}) to the console. Registered for the context
 * root (the empty pattern); Pax Web maps that like the default servlet, so any other path that no
 * servlet or resource claims reaches this servlet too and answers 404, as it would without it.
 */
@Component(service = Servlet.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=casework-console-root",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "="})
public class RootRedirectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(response);
        String contextPath = request.getContextPath() == null ? "" : request.getContextPath();
        String path = request.getRequestURI().substring(contextPath.length());
        if (path.isEmpty() || "/".equals(path)) {
            response.sendRedirect(contextPath + ConsoleEntryServlet.CONSOLE_PATH);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
