package org.casework.litigation.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Publishes the litigation pages' script, styles and message bundles (this bundle's {@code /web}
 * folder) at {@code /console/litigation/*}; the pattern is longer than the console's
 * {@code /console/*}, so it wins for this path, and the console's security headers still apply.
 */
@Component(service = LitigationConsoleResources.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/console/litigation/*",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/web"})
public class LitigationConsoleResources {
}
