package org.casework.security.impl.internal.rest;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;

import org.casework.core.api.Caller;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.FieldError;
import org.casework.rest.api.RestConstants;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.OtpRequiredException;
import org.casework.security.api.Session;

/**
 * What the sign-in endpoints share: checking the credentials a request sends, reading the session
 * token it carries, and building the session cookie.
 */
final class RequestTokens {

    private RequestTokens() {
    }

    /** The token from {@code Authorization: Bearer}, else from the session cookie, else null. */
    static String token(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.strip().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.strip().substring(7).strip();
        }
        if (authorization != null && !authorization.isBlank()) {
            // Basic: no session at all
            return null;
        }
        Cookie cookie = headers.getCookies().get(RestConstants.SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /** The {@code Set-Cookie} value that hands a browser its session. */
    static String sessionCookie(String token, boolean secure) {
        return RestConstants.SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes a browser forget its session. */
    static String clearedCookie(boolean secure) {
        return RestConstants.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The same answer for every failed sign-in. */
    static CaseworkException badCredentials() {
        return new CaseworkException(401, "unauthorized", "The user name or password is wrong.",
                List.of());
    }

    /** The answer when the password was right but a two-factor code is needed: no session. */
    static CaseworkException otpRequired() {
        return new CaseworkException(401, "otp-required",
                "Enter the six-digit code from your authenticator app, or a recovery code.",
                List.of());
    }

    /**
     * Checks the credentials of a sign-in request and opens a session of the given kind. The
     * password is wiped from memory as soon as it has been checked.
     */
    static Session signIn(AuthenticationService authentication, Dto.Credentials body,
            HttpServletRequest request, Session.Kind kind) {
        requireCredentials(body);
        char[] password = body.password().toCharArray();
        Caller caller;
        try {
            caller = authentication.authenticate(body.username(), password, body.otp(),
                    body.recoveryCode(), remote(request));
        } catch (OtpRequiredException e) {
            throw otpRequired();
        } catch (AuthenticationException e) {
            throw badCredentials();
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        return authentication.openSession(caller, kind, remote(request));
    }

    static String remote(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }

    static boolean secure(HttpServletRequest request) {
        return request != null && request.isSecure();
    }

    /** Refuses a sign-in body without a user name or password, naming what is missing. */
    static void requireCredentials(Dto.Credentials body) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (body == null || body.username() == null || body.username().isBlank()) {
            errors.add(new FieldError("username", "required", "Enter your user name."));
        }
        if (body == null || body.password() == null || body.password().isEmpty()) {
            errors.add(new FieldError("password", "required", "Enter your password."));
        }
        if (!errors.isEmpty()) {
            throw new org.casework.core.api.ValidationException(errors);
        }
    }
}
