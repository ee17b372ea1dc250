package dev.atrium.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Passwords as current guidance (NIST SP 800-63B) has them: at least 8 characters, not one of the most
 * common passwords, no composition rules; stored only as a bcrypt hash.
 */
@Singleton
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    private static final int BCRYPT_COST = 10;
    private static final String COMMON_PASSWORDS = "auth/common-passwords.txt";

    /** Compared against when no account matches, so a wrong login costs as long as a wrong password. */
    private final String decoyHash = BcryptUtil.bcryptHash("decoy-password-never-used", BCRYPT_COST);
    private final Set<String> common = load();

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
        return BcryptUtil.bcryptHash(password, BCRYPT_COST);
    }

    public boolean matches(String password, String hash) {
        return password != null && password.length() <= MAX_LENGTH && BcryptUtil.matches(password, hash);
    }

    /** Spends the time of one bcrypt check and answers false. */
    public boolean matchNothing(String password) {
        BcryptUtil.matches(password == null ? "" : password, decoyHash);
        return false;
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
