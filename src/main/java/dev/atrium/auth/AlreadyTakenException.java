package dev.atrium.auth;

import java.util.Locale;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

/** Thrown when an email or username is already in use, even when two registrations (or changes) race. */
class AlreadyTakenException extends RuntimeException {

    /** Which unique value was already taken. */
    enum Taken {
        EMAIL, USERNAME
    }

    private final Taken taken;

    AlreadyTakenException(Taken taken) {
        super(taken + " already taken", null, false, false);
        this.taken = taken;
    }

    Taken taken() {
        return taken;
    }

    /** The database's unique constraints decide races: a violation of one becomes this exception. */
    static RuntimeException orRethrow(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String name = violation.getConstraintName().toLowerCase(Locale.ROOT);
                if (name.contains("uk_users_email")) {
                    return new AlreadyTakenException(Taken.EMAIL);
                }
                if (name.contains("uk_users_username")) {
                    return new AlreadyTakenException(Taken.USERNAME);
                }
            }
        }
        return e;
    }
}
