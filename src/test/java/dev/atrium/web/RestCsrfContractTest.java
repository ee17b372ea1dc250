package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;

import io.quarkus.csrf.reactive.runtime.CsrfRequestResponseReactiveFilter;

/**
 * {@link EmptyErrorResponseFilter} tells quarkus-rest-csrf's refusal (a bare 400) from other bare 400s by the
 * request attribute the extension sets once it found the token good: a private name of the extension's, which
 * it offers no API for. This fails loudly when an upgrade renames or drops it, rather than every bare 400 to a
 * form quietly becoming a CSRF refusal.
 */
class RestCsrfContractTest {

    @Test
    void theVerifiedAttributeIsTheOneTheExtensionSets() throws ReflectiveOperationException {
        Field field = CsrfRequestResponseReactiveFilter.class.getDeclaredField("CSRF_TOKEN_VERIFIED");
        assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())).isTrue();
        field.setAccessible(true);
        assertThat(field.get(null)).isEqualTo(EmptyErrorResponseFilter.CSRF_VERIFIED);
    }
}
