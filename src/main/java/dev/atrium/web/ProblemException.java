package dev.atrium.web;

import java.time.Duration;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A client error whose message is written for the client: the global mapping puts it in the problem
 * document's {@code detail}. Messages of any other exception are never shown.
 */
public class ProblemException extends WebApplicationException {

    private final Map<String, String> fields;

    public ProblemException(int status, String detail) {
        this(status, detail, Map.of());
    }

    /** A client error with one message per invalid field, for the problem document's {@code errors}. */
    public ProblemException(int status, String detail, Map<String, String> fields) {
        super(detail, status);
        this.fields = Map.copyOf(fields);
    }

    /** A 429 that tells the client, in {@code Retry-After}, how long to wait. */
    public static ProblemException tooManyRequests(String detail, Duration wait) {
        return new ProblemException(detail, Response.status(429).header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds())).build());
    }

    private ProblemException(String detail, Response response) {
        super(detail, response);
        this.fields = Map.of();
    }

    public Map<String, String> fields() {
        return fields;
    }
}
