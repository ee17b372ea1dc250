package dev.atrium;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /**
     * What {@code auth} offers other features: who is signed in, a directory of accounts (as views, never the
     * entity), the narrow changes administration makes, and the permission and role values. Its mechanisms
     * (identity providers, sessions, tokens, the entity, the account flows) stay its own.
     */
    private static final Set<String> AUTH_FACADE = Set.of("CurrentAccount", "AccountDirectory", "AccountView",
            "AccountAdministration", "Permission", "Role");

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

    @Test
    void noPackagesDependOnEachOther() {
        slices().matching("dev.atrium.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void otherPackagesUseOnlyAuthsFacade() {
        noClasses().that().resideOutsideOfPackage("dev.atrium.auth..")
                .should().dependOnClassesThat(DescribedPredicate.describe("an auth class other than " + AUTH_FACADE,
                        c -> c.getPackageName().equals("dev.atrium.auth")
                                && !AUTH_FACADE.contains(topLevelName(c))))
                .check(MAIN);
    }

    /** A class's own name, or for a nested one (Role$1) the name of the class it is nested in. */
    private static String topLevelName(JavaClass c) {
        return c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0];
    }

    private static boolean isShared(String packageName) {
        return packageName.equals("dev.atrium.web") || packageName.startsWith("dev.atrium.web.")
                || packageName.equals("dev.atrium.config") || packageName.startsWith("dev.atrium.config.")
                || packageName.equals("dev.atrium.cache") || packageName.startsWith("dev.atrium.cache.");
    }
}
