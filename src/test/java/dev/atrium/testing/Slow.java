package dev.atrium.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that takes minutes rather than seconds (a soak, a shutdown under load, a browser). A developer
 * may leave these out locally with {@code ./mvnw verify -DexcludedGroups=slow}; CI runs them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
