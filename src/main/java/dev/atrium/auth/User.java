package dev.atrium.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import dev.atrium.web.EmailAddress;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An account. Email and username are kept lower-cased; the password only as a bcrypt hash. */
/*
 * Updates write only the columns a transaction changed: a confirmation and an administrator's change to the
 * same row at the same moment no longer undo each other by writing back what they had read. Changes that
 * read a column to decide what to write (a password, the session version) also lock the row: lockBy*.
 */
@Entity
@Table(name = "users")
@DynamicUpdate
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = EmailAddress.MAX)
    public String email;

    @Column(nullable = false, unique = true, length = 32)
    public String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Role role;

    @Column(nullable = false)
    public boolean confirmed;

    @Column(nullable = false)
    public boolean disabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * When the password was last set. Reset and email-change links name it, so a password change voids them;
     * confirmation links do not (they name the address they confirm, and confirming it again is harmless).
     */
    @Column(name = "password_changed_at", nullable = false)
    public Instant passwordChangedAt;

    /**
     * Raised whenever every session of the account must end (password changed or reset, "log out
     * everywhere", disabled); a session carries the version it began under, and any other is refused.
     */
    @Column(name = "session_version", nullable = false)
    public long sessionVersion;

    /**
     * Raised by every request to change the email address and by every change made; a change link names the
     * version it was issued under, so only the latest request's link works, and only once.
     */
    @Column(name = "email_change_version", nullable = false)
    public long emailChangeVersion;

    public static Optional<User> findByEmail(String email) {
        return find("email", normalise(email)).firstResultOptional();
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", normalise(username)).firstResultOptional();
    }

    /**
     * The account with its row locked until the transaction ends, for changes that read it to decide what to
     * write: two of them on one account (a reset and a password change, say) then run one after the other,
     * and the second sees what the first wrote.
     */
    public static Optional<User> lockByUsername(String username) {
        return find("username", normalise(username)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** {@link #lockByUsername(String)} by id. */
    public static Optional<User> lockById(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The account a login names: by email when it has an {@code @}, else by username. */
    public static Optional<User> findByLogin(String login) {
        return login != null && login.contains("@") ? findByEmail(login) : findByUsername(login);
    }

    /** The password this account has now, as reset and email-change links name it: when it was set. */
    String passwordVersion() {
        return Long.toString(passwordChangedAt.toEpochMilli());
    }

    public static String normalise(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
