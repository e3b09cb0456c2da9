package org.casework.portal.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/** Adds the portal's security headers (see {@link PortalHeaders}) to everything under {@code /portal}. */
@Component(service = Filter.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME + "=casework-portal-security-headers",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN + "=/portal",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN + "=/portal/*"})
public class PortalSecurityHeadersFilter implements Filter {

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            PortalHeaders.apply(http);
            // The page's own files: revalidated on each visit, so an upgrade shows at once.
            http.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
