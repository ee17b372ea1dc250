package dev.atrium.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;

/**
 * Each of Atrium's settings has its default in one place, application.yaml: none in {@link AtriumConfig}, where a
 * second copy could drift from the first.
 */
class ConfigDefaultsTest {

    @Test
    void atriumConfigDeclaresNoDefaults() {
        List<String> withDefaults = new ArrayList<>();
        collect(AtriumConfig.class, withDefaults);
        assertThat(withDefaults).as("@WithDefault in AtriumConfig: move each value to application.yaml").isEmpty();
    }

    private static void collect(Class<?> type, List<String> found) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(WithDefault.class)) {
                found.add(type.getSimpleName() + "." + method.getName());
            }
            if (method.getReturnType().isInterface() && method.getReturnType().getEnclosingClass() == AtriumConfig.class) {
                collect(method.getReturnType(), found);
            }
        }
    }
}
