package dev.atrium.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import dev.atrium.web.FormErrors;
import dev.atrium.web.FormValues;

/**
 * What the form for a new API token sends: a name, what the token may do ({@code read}, or {@code write}
 * for read and write) and when it expires ({@code none}, {@code 30} or {@code 90} days, or {@code date}
 * with {@code expiresOn}, a day from tomorrow to a year ahead, UTC). The page shows it back when something
 * is wrong; the password the form also asks for is never shown back.
 */
record TokenForm(String name, String scope, String expiry, String expiresOn) {

    /** What a new form offers: the least a token can be. */
    static final TokenForm NEW = new TokenForm("", "read", "90", "");

    /** The form as sent, cut to what the page may show back after refusing it (checks use the values as sent). */
    TokenForm shownBack() {
        return new TokenForm(FormValues.keep(name, ApiToken.NAME_MAX), FormValues.keep(scope, 10),
                FormValues.keep(expiry, 10), aDate(expiresOn));
    }

    /** A date field's value may only be a date (HTML's rule): anything else sent back as the empty field. */
    private static String aDate(String value) {
        try {
            return value == null ? "" : LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException notADate) {
            return "";
        }
    }

    FormErrors validate(AuthMessages messages, Instant now) {
        FormErrors errors = FormErrors.none();
        if (name == null || name.isBlank() || name.strip().length() > ApiToken.NAME_MAX) {
            errors.add("tokenName", messages.error_token_name());
        }
        if (parsedScope().isEmpty()) {
            errors.add("tokenScope", messages.error_token_scope());
        }
        if (parsedExpiry(now).isEmpty()) {
            errors.add("tokenExpiry", messages.error_token_expiry());
        }
        return errors;
    }

    Optional<ApiToken.Scope> parsedScope() {
        return switch (scope == null ? "" : scope) {
            case "read" -> Optional.of(ApiToken.Scope.READ);
            case "write" -> Optional.of(ApiToken.Scope.WRITE);
            default -> Optional.empty();
        };
    }

    /** When the token expires: empty when the choice is not valid, an empty inner value for never. */
    Optional<Optional<Instant>> parsedExpiry(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        switch (expiry == null ? "" : expiry.toLowerCase(Locale.ROOT)) {
            case "none":
                return Optional.of(Optional.empty());
            case "30":
                return Optional.of(Optional.of(now.plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS)));
            case "90":
                return Optional.of(Optional.of(now.plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS)));
            case "date":
                try {
                    LocalDate day = LocalDate.parse(expiresOn == null ? "" : expiresOn.strip());
                    return day.isAfter(today) && !day.isAfter(today.plusYears(1))
                            ? Optional.of(Optional.of(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
                            : Optional.empty();
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            default:
                return Optional.empty();
        }
    }
}
