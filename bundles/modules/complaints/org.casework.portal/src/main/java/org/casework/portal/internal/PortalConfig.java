package org.casework.portal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The portal's limits and abuse protection, from {@code etc/org.casework.portal.cfg}; read again on change. */
@ObjectClassDefinition(name = "Casework public complaint portal",
        description = "Upload limits, rate limit and proof-of-work of the public complaint form.")
public @interface PortalConfig {

    /** The configuration PID. */
    String PID = "org.casework.portal";

    @AttributeDefinition(name = "Submissions per address", min = "1",
            description = "How many complaints one network address may send within the window.")
    int rateLimitCount() default 10;

    @AttributeDefinition(name = "Rate limit window (seconds)", min = "1",
            description = "The sliding window the submissions per address are counted over.")
    int rateLimitWindowSeconds() default 600;

    @AttributeDefinition(name = "Trust X-Forwarded-For",
            description = "Count the first address of X-Forwarded-For instead of the connection's "
                    + "address. Only turn on behind a reverse proxy that sets the header itself.")
    boolean trustForwardedFor() default false;

    @AttributeDefinition(name = "Proof-of-work difficulty (bits)", min = "1", max = "30",
            description = "Leading zero bits the browser must find in a SHA-256 hash; each bit "
                    + "doubles the work (16 takes a phone about a second).")
    int proofOfWorkBits() default 16;

    @AttributeDefinition(name = "Challenge lifetime (seconds)", min = "30",
            description = "How long an issued proof-of-work challenge may be used, once.")
    int challengeTtlSeconds() default 1800;

    @AttributeDefinition(name = "Challenge secret",
            description = "Signs the challenges. Empty: a random secret per start (challenges "
                    + "issued before a restart are refused). Set the same value on every node "
                    + "behind one load balancer.")
    String challengeSecret() default "";

    @AttributeDefinition(name = "Largest file (MB)", min = "1",
            description = "The largest single supporting document.")
    int maxFileMegabytes() default 10;

    @AttributeDefinition(name = "All files together (MB)", min = "1",
            description = "The most all supporting documents of one complaint may add up to.")
    int maxTotalMegabytes() default 20;

    @AttributeDefinition(name = "Files per complaint", min = "0",
            description = "How many supporting documents one complaint may carry.")
    int maxFiles() default 5;
}
