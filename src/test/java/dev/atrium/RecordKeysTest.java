package dev.atrium;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Cache;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import dev.atrium.cache.ByteBoundedCache;

/**
 * A record that keys a map, a set or a cache writes its own {@code equals} and {@code hashCode} (and
 * {@code toString}, which javac makes the same way, so that the class does not link the bootstrap). The ones javac
 * generates call an {@code invokedynamic} bootstrap ({@code java.lang.runtime.ObjectMethods}) that the JIT
 * compiles away but the native executable runs as interpreted method handles: comparing the held pages' key
 * was a quarter of the native executable's CPU on a held page (bench/results/native-vs-jvm.md).
 */
class RecordKeysTest {

    private static final String OBJECT_METHODS = "java/lang/runtime/ObjectMethods";

    /** Maps and sets hash their keys, and so do the caches (Atrium's own and Caffeine's under it). */
    private static final ArchRule KEYS_WRITE_THEIR_OWN_OBJECT_METHODS = fields().should(
            new ArchCondition<JavaField>("key a map, set or cache only with records that write their own equals, hashCode and toString") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    if (!(field.getType() instanceof JavaParameterizedType type) || !isHashed(type.toErasure())) {
                        return;
                    }
                    JavaClass key = type.getActualTypeArguments().get(0).toErasure();
                    if (key.isRecord() && usesObjectMethods(key)) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is keyed by "
                                + key.getName() + ", whose equals and hashCode are javac's invokedynamic ones"));
                    }
                }
            });

    private static boolean isHashed(JavaClass type) {
        return type.isAssignableTo(Map.class) || type.isAssignableTo(Set.class) || type.isEquivalentTo(ByteBoundedCache.class)
                || type.isAssignableTo(Cache.class);
    }

    @Test
    void recordsThatKeyAMapOrCacheWriteTheirOwnObjectMethods() {
        KEYS_WRITE_THEIR_OWN_OBJECT_METHODS.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.atrium"));
    }

    /** The rule finds such a key in each kind of holder, and passes one that writes its own methods. */
    @Test
    void theRuleFindsARecordLeftToJavacAsAKey() {
        assertThat(KEYS_WRITE_THEIR_OWN_OBJECT_METHODS.evaluate(new ClassFileImporter().importClasses(PlainKeys.class)).getFailureReport().getDetails())
                .hasSize(4);
        assertThat(KEYS_WRITE_THEIR_OWN_OBJECT_METHODS.evaluate(new ClassFileImporter().importClasses(WrittenKeys.class)).hasViolation())
                .isFalse();
    }

    @SuppressWarnings("unused")
    private static final class PlainKeys {
        private Map<Plain, String> map;
        private Set<Plain> set;
        private ByteBoundedCache<Plain, String> cache;
        private Cache<Plain, String> caffeine;
    }

    @SuppressWarnings("unused")
    private static final class WrittenKeys {
        private Map<Written, String> map;
        private Set<Written> set;
        private ByteBoundedCache<Written, String> cache;
        private Cache<Written, String> caffeine;
    }

    /** The rule can see the bootstrap: a record left to javac names it in its class file. */
    @Test
    void aRecordLeftToJavacNamesTheBootstrap() {
        assertThat(usesObjectMethods(new ClassFileImporter().importClass(Plain.class))).isTrue();
        assertThat(usesObjectMethods(new ClassFileImporter().importClass(Written.class))).isFalse();
    }

    private record Plain(String a) {
    }

    private record Written(String a) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Written w && a.equals(w.a);
        }

        @Override
        public int hashCode() {
            return a.hashCode();
        }

        @Override
        public String toString() {
            return a;
        }
    }

    private static boolean usesObjectMethods(JavaClass type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = RecordKeysTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(OBJECT_METHODS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
