package org.casework.portal.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/** Publishes the portal page's scripts, styles and message files (the bundle's {@code /web}) at {@code /portal/*}. */
@Component(service = PortalResources.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN + "=/portal/*",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX + "=/web"})
public class PortalResources {
}
