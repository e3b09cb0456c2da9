package org.casework.portal.internal;

import java.lang.annotation.Annotation;

/** A {@link PortalConfig} with small limits for tests. */
class TestConfig implements PortalConfig {

    int rateLimitCount = 3;
    int bits = 8;
    int maxFileMegabytes = 1;

    @Override public Class<? extends Annotation> annotationType() { return PortalConfig.class; }
    @Override public int rateLimitCount() { return rateLimitCount; }
    @Override public int rateLimitWindowSeconds() { return 600; }
    @Override public boolean trustForwardedFor() { return true; }
    @Override public int proofOfWorkBits() { return bits; }
    @Override public int challengeTtlSeconds() { return 600; }
    @Override public String challengeSecret() { return ""; }
    @Override public int maxFileMegabytes() { return maxFileMegabytes; }
    @Override public int maxTotalMegabytes() { return 2; }
    @Override public int maxFiles() { return 2; }
}
