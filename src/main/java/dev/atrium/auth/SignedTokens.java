package dev.atrium.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import dev.atrium.config.SettingsCheck;

/**
 * Tokens for the links in account emails: what they are for, whose they are and when they were issued,
 * signed with HMAC-SHA256 so they cannot be forged or altered, and checked for age on use. The key is
 * derived from the session encryption key, so operators keep one secret.
 */
@Singleton
class SignedTokens {

    public record Token(String purpose, long userId, Instant issuedAt, String subject) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    SignedTokens(SettingsCheck settings) {
        byte[] secret = settings.sessionKey().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"),
                "atrium signed tokens v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    public String issue(String purpose, long userId, String subject, Instant now) {
        String payload = purpose + "|" + userId + "|" + now.getEpochSecond() + "|" + (subject == null ? "" : subject);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(hmac(key, bytes));
    }

    /** The token if it is genuine, for this purpose and younger than {@code ttl}; empty otherwise. */
    public Optional<Token> verify(String token, String purpose, Duration ttl, Instant now) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, hmac(key, payload))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(purpose)) {
                return Optional.empty();
            }
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (issued.plus(ttl).isBefore(now) || issued.isAfter(now.plusSeconds(60))) {
                return Optional.empty();
            }
            return Optional.of(new Token(parts[0], Long.parseLong(parts[1]), issued, parts[3].isEmpty() ? null : parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64, not numbers: not ours
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
