package org.casework.complaints.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Publishes the complaint pages' script and message bundles (this bundle's {@code /web} folder)
 * at {@code /console/complaints/*}; the pattern is longer than the console's {@code /console/*},
 * so it wins for this path, and the console's security headers still apply.
 */
@Component(service = ComplaintsConsoleResources.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/console/complaints/*",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/web"})
public class ComplaintsConsoleResources {
}
