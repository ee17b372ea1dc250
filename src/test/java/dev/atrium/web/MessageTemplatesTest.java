package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.qute.i18n.MessageBundle;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every message of a bundle is a template Qute prepares at start, and it searches the class path for each as a
 * file before the bundle answers, unless the id is excluded from that search: five missing resources per message,
 * most of the native executable's start. The exclusion names the bundles (a page template such as
 * {@code layout} has an id without a suffix too, so a pattern cannot tell them apart by shape); a bundle added
 * without its name there would be slower to start, never broken, which only this test notices.
 */
@QuarkusTest
class MessageTemplatesTest {

    @ConfigProperty(name = "quarkus.qute.template-path-exclude")
    Pattern excluded;

    @Test
    void everyBundlesMessagesAreLeftOutOfTheTemplateFileSearch() {
        List<String> bundles = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.atrium").stream().filter(type -> type.isAnnotatedWith(MessageBundle.class))
                .map(MessageTemplatesTest::bundleName).toList();
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(7);
        for (String bundle : bundles) {
            assertThat(excluded.matcher(bundle + "_some_key").matches()).as(bundle).isTrue();
            assertThat(excluded.matcher(bundle + "_zh-CN_some_key").matches()).as(bundle).isTrue();
        }
    }

    @Test
    void pageTemplatesAreStillSearchedFor() {
        for (String template : List.of("layout", "layout.html", "MainResource/about", "tags/fieldError", "mail/confirm.txt")) {
            assertThat(excluded.matcher(template).matches()).as(template).isFalse();
        }
        assertThat(excluded.matcher(".hidden").matches()).isTrue();
    }

    private static String bundleName(JavaClass type) {
        return type.getAnnotationOfType(MessageBundle.class).value();
    }
}
