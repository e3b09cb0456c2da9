package org.casework.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Waiting for a started Casework server to serve the API, shared by the benchmarks. */
final class ServerReady {

    static final String ADMIN = "admin";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    /** A server that answers: a bearer token of the administrator, and the password now in force. */
    record Ready(String token, String password) {
    }

    private ServerReady() {
    }

    /**
     * Waits until health answers 200, a token can be had (choosing a new administrator password
     * if the first sign-in must), and the example case type is served.
     */
    static Ready await(KarafServer server, String password, Duration bootTimeout) throws Exception {
        return await(server, password, bootTimeout, CongressSamples.TYPE);
    }

    /** Like {@link #await(KarafServer, String, Duration)}, waiting for the case type {@code typeKey}. */
    static Ready await(KarafServer server, String password, Duration bootTimeout, String typeKey) throws Exception {
        CaseworkApi api = new CaseworkApi(server.baseUrl());
        long deadline = System.nanoTime() + bootTimeout.toNanos();
        String[] last = {"no answer yet"};
        poll("GET /api/v1/health answers 200", server, deadline, last, () -> {
            HttpResponse<String> r = api.get(CaseworkApi.API + "/health", null);
            last[0] = r.statusCode() + " " + r.body();
            return r.statusCode() == 200 ? Optional.of(true) : Optional.empty();
        });
        String[] credentials = {password};
        String[] token = {null};
        poll("POST /api/v1/tokens answers 201", server, deadline, last, () -> {
            CaseworkApi.TokenAnswer a = api.token(ADMIN, credentials[0]);
            last[0] = a.status() + " " + a.body();
            token[0] = a.token();
            return Optional.ofNullable(a.token());
        });
        poll("GET /api/v1/cases lists \"" + typeKey + "\"", server, deadline, last, () -> {
            HttpResponse<String> r = api.get(CaseworkApi.API + "/cases", token[0]);
            last[0] = r.statusCode() + " " + r.body();
            if (r.statusCode() == 403 && api.problemType(r).endsWith("password-change-required")) {
                // a first sign-in may have to choose a new password before anything else
                String next = randomPassword();
                HttpResponse<String> changed = api.changePassword(token[0], credentials[0], next);
                if (changed.statusCode() / 100 != 2) {
                    throw new IllegalStateException("Changing the admin password answered " + changed.statusCode()
                            + " " + changed.body());
                }
                credentials[0] = next;
                token[0] = api.token(ADMIN, next).token();
                return Optional.empty();
            }
            return api.listsCaseType(r, typeKey) ? Optional.of(true) : Optional.empty();
        });
        return new Ready(token[0], credentials[0]);
    }

    /**
     * Repeats {@code attempt} until it yields a value, Karaf exits, or the deadline passes;
     * between attempts it waits on Karaf's process, so a crash ends the wait at once.
     */
    static <T> T poll(String what, KarafServer server, long deadline, String[] lastAnswer,
            Callable<Optional<T>> attempt) throws Exception {
        while (true) {
            try {
                Optional<T> v = attempt.call();
                if (v.isPresent()) {
                    return v.get();
                }
            } catch (IOException e) {
                // refused, timed out or closed while the server starts
                lastAnswer[0] = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting until " + what + "; last answer: "
                        + abbreviate(lastAnswer[0]));
            }
            if (server.exitedWithin(POLL_INTERVAL)) {
                throw new IllegalStateException("Karaf exited while waiting until " + what);
            }
        }
    }

    static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        // letters, digits and signs, whatever the password rules ask for
        return "Bench-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b) + "-7q!";
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }

}
