package org.casework.audit.impl.internal.alerts;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The misuse alert rules (PID {@value AlertEngine#PID}). An underscore in a method name is a dot
 * in the configuration file: {@code views_limit} is {@code views.limit}.
 */
@ObjectClassDefinition(name = "Casework misuse alerts")
public @interface AlertConfig {

    /** The property {@code notify}: DS drops a single {@code $}, which avoids Object's final notify(). */
    @AttributeDefinition(name = "Mail alerts to", description = "Comma-separated addresses; empty sends no mail")
    String notify$() default "";

    @AttributeDefinition(name = "Bulk viewing: on")
    boolean views_enabled() default true;

    @AttributeDefinition(name = "Bulk viewing: more distinct records than")
    int views_limit() default 50;

    @AttributeDefinition(name = "Bulk viewing: within minutes")
    long views_minutes() default 10;

    @AttributeDefinition(name = "Off-hours sign-in: on")
    boolean offhours_enabled() default true;

    @AttributeDefinition(name = "Working days", description = "Comma-separated, e.g. MON,TUE,WED,THU,FRI")
    String offhours_days() default "MON,TUE,WED,THU,FRI";

    @AttributeDefinition(name = "Working hours start", description = "Time of day, e.g. 07:00")
    String offhours_start() default "07:00";

    @AttributeDefinition(name = "Working hours end", description = "Time of day, e.g. 19:00")
    String offhours_end() default "19:00";

    @AttributeDefinition(name = "Time zone of the working hours")
    String offhours_zone() default "America/New_York";

    @AttributeDefinition(name = "Off-hours sign-in: at most one alert per user within minutes")
    long offhours_quiet_minutes() default 60;

    @AttributeDefinition(name = "Sign-in failures: on")
    boolean failures_enabled() default true;

    @AttributeDefinition(name = "Sign-in failures: more than", description = "For one user name, or from one address")
    int failures_limit() default 5;

    @AttributeDefinition(name = "Sign-in failures: within minutes")
    long failures_minutes() default 15;

    @AttributeDefinition(name = "Bulk export: on")
    boolean exports_enabled() default true;

    @AttributeDefinition(name = "Bulk export: more exports than")
    int exports_limit() default 20;

    @AttributeDefinition(name = "Bulk export: within minutes")
    long exports_minutes() default 60;

    @AttributeDefinition(name = "Users and addresses tracked at most",
            description = "Bounds the memory the rules use; the least recently active are forgotten first")
    int tracked_max() default 10_000;
}
