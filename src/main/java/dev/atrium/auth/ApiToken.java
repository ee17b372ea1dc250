package dev.atrium.auth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A personal API token: its owner, a name the owner chose, what it may do, until when, and a hash of the
 * secret, never the secret.
 */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends PanacheEntityBase {

    public static final int NAME_MAX = 60;

    /** What a token may do with the API. */
    public enum Scope {
        /** The API's reads (GET, and POSTs that change nothing, like the Markdown preview). */
        READ,
        /** Reads and writes, as far as the account's permissions go. */
        WRITE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(nullable = false, length = NAME_MAX)
    public String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(nullable = false)
    public boolean revoked;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Scope scope = Scope.WRITE;

    /** When the token stops working; null: never. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean readOnly() {
        return scope == Scope.READ;
    }
}
