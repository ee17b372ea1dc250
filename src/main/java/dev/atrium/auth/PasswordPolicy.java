package dev.atrium.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import dev.atrium.config.AtriumConfig;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Passwords as current guidance (NIST SP 800-63B) has them: at least 8 characters, not one of the most
 * common passwords, no composition rules; stored only as a bcrypt hash.
 * <p>
 * bcrypt reads only the first 72 bytes of its input and ignores the rest without a word, while a password
 * may have 128 characters (up to 512 UTF-8 bytes): two long passphrases that begin alike would be the same
 * password. So the password is first reduced to a fixed 44 characters (HMAC-SHA-256 of its UTF-8 bytes,
 * base64) and that is what bcrypt hashes; such hashes carry the {@link #PREHASHED} marker. Hashes without
 * it were made of the password itself and still verify (see {@link #needsUpgrade}).
 */
@Singleton
class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    /** What bcrypt reads of its input; the rest is silently ignored. */
    static final int BCRYPT_MAX_BYTES = 72;
    /** Marks a bcrypt hash of the pre-hashed password; what follows is the bcrypt hash in its usual form. */
    static final String PREHASHED = "$atrium-hs256";
    /**
     * Not a secret (a secret pepper would lock every account out when it is rotated or lost): it only makes
     * the inner value Atrium's own, so a leaked list of plain SHA-256 password hashes cannot be tried against
     * it without running bcrypt ("password shucking").
     */
    private static final SecretKeySpec PREHASH_KEY = new SecretKeySpec(
            "atrium password pre-hash v1".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private static final String COMMON_PASSWORDS = "auth/common-passwords.txt";

    /** What new hashes are made with (atrium.auth.bcrypt-cost). */
    private final int cost;
    /** Compared against when no account matches, so a wrong login costs as long as a wrong password. */
    private final String decoyHash;
    private final Set<String> common = load();

    PasswordPolicy(AtriumConfig config) {
        this.cost = config.auth().bcryptCost();
        this.decoyHash = hash("decoy-password-never-used");
    }

    public enum Problem {
        TOO_SHORT, TOO_LONG, TOO_COMMON
    }

    public Optional<Problem> check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(Problem.TOO_COMMON);
        }
        return Optional.empty();
    }

    public String hash(String password) {
        return PREHASHED + BcryptUtil.bcryptHash(prehash(password), cost);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.length() > MAX_LENGTH || hash == null) {
            return false;
        }
        return hash.startsWith(PREHASHED) ? BcryptUtil.matches(prehash(password), hash.substring(PREHASHED.length()))
                : BcryptUtil.matches(password, hash);
    }

    /**
     * Whether a hash that {@link #matches} this password should be replaced by {@link #hash}: it was made at a
     * lower cost than today's, or it is of the old kind and the password is short enough that bcrypt read all
     * of it. An old-kind hash of a longer password is left alone: it also matches any password that shares its
     * first 72 bytes, so the one typed may not be the one chosen, and hashing it in full would lock its owner
     * out; such accounts get the new kind when they next change their password.
     */
    public boolean needsUpgrade(String password, String hash) {
        if (!hash.startsWith(PREHASHED)) {
            return password.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
        }
        return costOf(hash.substring(PREHASHED.length())) < cost;
    }

    /** The cost a bcrypt hash records ({@code $2a$10$...}); one that cannot be read counts as the lowest. */
    static int costOf(String bcrypt) {
        String[] parts = bcrypt.split("\\$", 4);
        try {
            return parts.length == 4 ? Integer.parseInt(parts[2]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Spends the time {@link #matches} spends on this password against a hash of the current kind; answers false. */
    public boolean matchNothing(String password) {
        matches(password, decoyHash);
        return false;
    }

    /** The password as 44 base64 characters, well within what bcrypt reads, and with no NUL byte to end it early. */
    static String prehash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(PREHASH_KEY);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the application");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).forEach(passwords::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
