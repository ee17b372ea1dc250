package dev.atrium;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The dependencies the design allows between packages, so a wrong import fails the build: feature packages
 * sit side by side over a small shared layer ({@code web}, {@code config}, {@code cache}) that knows no
 * feature, and no two packages depend on each other, directly or round a longer cycle.
 */
class PackageDependenciesTest {

    private static final String[] SHARED = { "dev.atrium.web..", "dev.atrium.config..", "dev.atrium.cache.." };

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.atrium");

    @Test
    void theSharedLayerKnowsNoFeature() {
        noClasses().that().resideInAnyPackage(SHARED)
                .should().dependOnClassesThat(DescribedPredicate.describe("a feature's class",
                        c -> c.getPackageName().startsWith("dev.atrium.") && !isShared(c.getPackageName())))
                .check(MAIN);
    }

    /**
     * Forms and request bodies are checked in one place, which says each violation in the request's language
     * and maps it alike for a page and for the API: features hand their form records to {@code web.Violations}.
     */
    @Test
    void onlyViolationsRunsTheValidator() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.atrium.web.Violations")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.validation.Validator")
                .check(MAIN);
    }

    @Test
    void noPackagesDependOnEachOther() {
        slices().matching("dev.atrium.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    private static boolean isShared(String packageName) {
        return packageName.equals("dev.atrium.web") || packageName.startsWith("dev.atrium.web.")
                || packageName.equals("dev.atrium.config") || packageName.startsWith("dev.atrium.config.")
                || packageName.equals("dev.atrium.cache") || packageName.startsWith("dev.atrium.cache.");
    }
}
