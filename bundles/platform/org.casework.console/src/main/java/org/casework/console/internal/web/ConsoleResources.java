package org.casework.console.internal.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Publishes the console's static files (the bundle's {@code /web} folder) at {@code /console/*}
 * through the HTTP Whiteboard. Modules' own files under {@code /console/<key>/*} take precedence,
 * being longer patterns.
 */
@Component(service = ConsoleResources.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/console/*",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/web"})
public class ConsoleResources {
}
