package dev.atrium.web;

import jakarta.ws.rs.WebApplicationException;

/**
 * A client error whose message is written for the client: the global mapping puts it in the problem
 * document's {@code detail}. Messages of any other exception are never shown.
 */
public class ProblemException extends WebApplicationException {

    public ProblemException(int status, String detail) {
        super(detail, status);
    }
}
