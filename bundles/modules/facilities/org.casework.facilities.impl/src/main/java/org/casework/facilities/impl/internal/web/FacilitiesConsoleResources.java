package org.casework.facilities.impl.internal.web;

import org.osgi.service.component.annotations.Component;

/**
 * Publishes the facilities page (this bundle's {@code /web} folder) at
 * {@code /console/facilities/*} through the HTTP Whiteboard, inside the console's path so the
 * console's security headers apply to it.
 */
@Component(service = FacilitiesConsoleResources.class, property = {
    "osgi.http.whiteboard.resource.pattern=/console/facilities/*",
    "osgi.http.whiteboard.resource.prefix=/web"})
public class FacilitiesConsoleResources {
}
