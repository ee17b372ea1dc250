package dev.atrium.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An email address as the site accepts one: at most {@value #MAX} characters (the longest a mail path allows,
 * RFC 5321), a local part of at most 64 and a domain with a dot. The one place that limit is written: the
 * columns, the forms' {@code maxlength} and what a refused form shows back take it from here. Applied to the
 * value with its surrounding spaces taken off (the forms' records strip it). One message for any failure,
 * given by the form in its own bundle.
 */
@NotNull
@Size(max = EmailAddress.MAX)
@Pattern(regexp = EmailAddress.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface EmailAddress {

    int MAX = 254;

    String PATTERN = "[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+";

    /** A message key such as {@code auth:error_email}: see {@link Violations}. */
    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
