package dev.atrium.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.atrium.web.FormValues;
import dev.atrium.web.Violations;

/**
 * What the form for a new API token sends: a name, what the token may do ({@code read}, or {@code write}
 * for read and write) and when it expires ({@code none}, {@code 30} or {@code 90} days, or {@code date}
 * with {@code expiresOn}, a day from tomorrow to a year ahead, UTC). Its components are named as the page's
 * fields, which share the settings page with other forms, so {@link Violations} puts each message beside its
 * field. The page shows the form back when something is wrong; the password it also asks for never is.
 */
record TokenForm(
        @NotNull(message = "auth:error_token_name") @Pattern(regexp = Violations.NOT_ONLY_SPACES, message = "auth:error_token_name")
        @Size(max = ApiToken.NAME_MAX, message = "auth:error_token_name") String tokenName,
        @NotNull(message = "auth:error_token_scope") @Pattern(regexp = "read|write", message = "auth:error_token_scope") String tokenScope,
        @NotNull(message = "auth:error_token_expiry") @Pattern(regexp = "(?i)none|30|90|date", message = "auth:error_token_expiry") String tokenExpiry,
        String tokenExpiresOn) {

    /** What a new form offers: the least a token can be. */
    static final TokenForm NEW = new TokenForm("", "read", "90", "");

    TokenForm {
        // the name is stored stripped, so its limit counts what is kept
        tokenName = tokenName == null ? null : tokenName.strip();
    }

    /**
     * The day chosen with {@code date} is from tomorrow to a year ahead (UTC). Bean Validation reads this as
     * the property {@code tokenExpiry}, so its message is that field's.
     */
    @AssertTrue(message = "auth:error_token_expiry")
    public boolean isTokenExpiry() {
        if (!"date".equalsIgnoreCase(tokenExpiry)) {
            return true;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return day().filter(day -> day.isAfter(today) && !day.isAfter(today.plusYears(1))).isPresent();
    }

    /** The form as sent, cut to what the page may show back after refusing it. */
    TokenForm shownBack() {
        return new TokenForm(FormValues.keep(tokenName, ApiToken.NAME_MAX), FormValues.keep(tokenScope, 10),
                FormValues.keep(tokenExpiry, 10), day().map(LocalDate::toString).orElse(""));
    }

    /** What a valid form's token may do. */
    ApiToken.Scope scope() {
        return "write".equals(tokenScope) ? ApiToken.Scope.WRITE : ApiToken.Scope.READ;
    }

    /** When a valid form's token expires, counted from {@code now}: empty for never. */
    Optional<Instant> expiresAt(Instant now) {
        return switch (tokenExpiry.toLowerCase(Locale.ROOT)) {
            case "30" -> Optional.of(now.plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
            case "90" -> Optional.of(now.plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
            case "date" -> day().map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant());
            default -> Optional.empty();
        };
    }

    /** A date field's value may only be a date (HTML's rule): anything else is no day. */
    private Optional<LocalDate> day() {
        try {
            return tokenExpiresOn == null ? Optional.empty() : Optional.of(LocalDate.parse(tokenExpiresOn.strip()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
