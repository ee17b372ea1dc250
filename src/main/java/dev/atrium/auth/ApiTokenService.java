package dev.atrium.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * Personal API tokens: 256 random bits, shown to their owner once and kept only as a SHA-256 hash (a
 * slow password hash buys nothing for a secret this long, and the API checks one on every request).
 */
@ApplicationScoped
public class ApiTokenService {

    private static final Logger LOG = Logger.getLogger(ApiTokenService.class);
    static final String PREFIX = "atr_";
    /** Last use is recorded at most this often per token, so reads do not each cost a write. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    /** A token that works: its account, and what the token may do there. */
    public record Holder(User user, ApiToken.Scope scope) {
    }

    /**
     * A new token for this account, with what it may do and when it stops working ({@code expiresAt} null:
     * never). The returned secret is the only time it exists outside the client.
     */
    @Transactional
    public String create(long userId, String name, ApiToken.Scope scope, Instant expiresAt) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = new ApiToken();
        stored.userId = userId;
        stored.name = name.strip();
        stored.tokenHash = hash(token);
        stored.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        stored.scope = scope;
        stored.expiresAt = expiresAt;
        stored.persist();
        LOG.infof("Account %d created API token %d (%s, expires %s)", userId, stored.id, scope,
                expiresAt == null ? "never" : expiresAt);
        return token;
    }

    @Transactional
    public List<ApiTokenView> list(long userId) {
        Instant now = clock.instant();
        return ApiToken.<ApiToken> list("userId = ?1 and revoked = false order by createdAt desc", userId).stream()
                .map(token -> ApiTokenView.of(token, now)).toList();
    }

    /** Revokes one of the account's own tokens; false when it has no such token. */
    @Transactional
    public boolean revoke(long userId, long tokenId) {
        return ApiToken.<ApiToken> findByIdOptional(tokenId)
                .filter(token -> token.userId == userId && !token.revoked)
                .map(token -> {
                    token.revoked = true;
                    LOG.infof("Account %d revoked API token %d", userId, tokenId);
                    return true;
                })
                .orElse(false);
    }

    /** Revokes every live token of the account (in the caller's transaction); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    int revokeAll(long userId) {
        return ApiToken.update("revoked = true where userId = ?1 and revoked = false", userId);
    }

    /** The account a presented token belongs to and the token's scope, if the token is live (not revoked, not expired) and the account enabled. */
    @Transactional
    public Optional<Holder> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> token = ApiToken.find("tokenHash", hash(presented)).firstResultOptional();
        return token.filter(t -> !t.revoked && !t.expired(now))
                .flatMap(t -> User.<User> findByIdOptional(t.userId).filter(user -> !user.disabled).map(user -> {
                    if (t.lastUsedAt == null || t.lastUsedAt.plus(LAST_USE_RESOLUTION).isBefore(now)) {
                        t.lastUsedAt = now.truncatedTo(ChronoUnit.MILLIS);
                    }
                    return new Holder(user, t.scope);
                }));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
