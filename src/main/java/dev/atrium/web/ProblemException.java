package dev.atrium.web;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;

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

    public Map<String, String> fields() {
        return fields;
    }
}
