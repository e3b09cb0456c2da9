package org.casework.security.impl.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.casework.persistence.jpa.InstantConverter;

/**
 * A row of {@code cw_session}: a console session or API token, keyed by the SHA-256 of the token
 * so that the database never holds a usable token.
 */
@Entity
@Table(name = "cw_session")
public class SessionEntity {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "csrf_token", length = 64)
    private String csrfToken;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant expiresAt;

    @Column(name = "remote_address", length = 64)
    private String remoteAddress;

    /** An opaque id the user may see and end the session by; not derived from the token. */
    @Column(name = "session_id", length = 32)
    private String sessionId;

    protected SessionEntity() {
        // for JPA
    }

    public SessionEntity(String tokenHash, String username, String kind, String csrfToken,
            Instant createdAt, Instant expiresAt, String remoteAddress, String sessionId) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.username = username;
        this.kind = kind;
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.lastSeenAt = createdAt;
        this.expiresAt = expiresAt;
        this.remoteAddress = remoteAddress;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getUsername() {
        return username;
    }

    public String getKind() {
        return kind;
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public String getSessionId() {
        return sessionId;
    }
}
