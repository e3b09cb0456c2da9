package org.casework.console.internal.web;

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

/**
 * Adds the console's security headers (see {@link SecurityHeaders}) to everything served under
 * {@code /console}, including the pages that modules serve under {@code /console/<key>/}.
 */
@Component(service = Filter.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME + "=casework-console-security-headers",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN + "=/console",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN + "=/console/*"})
public class SecurityHeadersFilter implements Filter {

    @Override
    public void init(FilterConfig filterConfig) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            SecurityHeaders.apply(http);
            // Revalidate on each visit, so a module installed or upgraded shows at once.
            http.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
