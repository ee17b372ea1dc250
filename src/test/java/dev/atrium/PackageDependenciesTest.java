package dev.atrium;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The dependencies the design allows between packages, so a wrong import fails the build: feature packages
 * sit side by side over a small shared layer ({@code web}, {@code config}, {@code cache}) that knows no
 * feature, and no two packages depend on each other, directly or round a longer cycle. Other features use
 * only {@code auth}'s facade, and templates are handed views, never entities. Two rules of how things are
 * done as well: caches of content are emptied after the commit, and Quarkus's form-auth internals are
 * reached from one class.
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

    /**
     * {@code @CacheInvalidate(All)} empties a cache before the transaction commits, and a request in that window
     * fills it again with the old content: changes fire {@code cache.ContentChanged}, observed after the commit.
     */
    @Test
    void cachesOfContentAreEmptiedAfterTheCommitNotBefore() {
        noMethods().should().beAnnotatedWith("io.quarkus.cache.CacheInvalidateAll")
                .orShould().beAnnotatedWith("io.quarkus.cache.CacheInvalidateAll$List")
                .orShould().beAnnotatedWith("io.quarkus.cache.CacheInvalidate")
                .orShould().beAnnotatedWith("io.quarkus.cache.CacheInvalidate$List")
                .check(MAIN);
    }

    /** Quarkus form authentication's internal session manager and its settings: SessionCookies alone (its contract test). */
    @Test
    void onlySessionCookiesReachesIntoQuarkusFormAuthentication() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.atrium.auth.SessionCookies")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.vertx.http.runtime.security.PersistentLoginManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.vertx.http.runtime.VertxHttpConfig")
                .check(MAIN);
    }

    /**
     * Resources, filters and health checks are reached through Quarkus, never called by another package: they are
     * package-private, so only what a package offers others is public.
     */
    @Test
    void resourcesAndHealthChecksAreNotPublic() {
        noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .or().areAnnotatedWith("org.eclipse.microprofile.health.Liveness")
                .or().areAnnotatedWith("org.eclipse.microprofile.health.Readiness")
                .or().areAnnotatedWith("org.eclipse.microprofile.health.Startup")
                .should().bePublic().check(MAIN);
    }

    @Test
    void otherPackagesUseOnlyAuthsFacade() {
        noClasses().that().resideOutsideOfPackage("dev.atrium.auth..")
                .should().dependOnClassesThat(DescribedPredicate.describe("an auth class other than " + AUTH_FACADE,
                        c -> c.getPackageName().equals("dev.atrium.auth")
                                && !AUTH_FACADE.contains(topLevelName(c))))
                .check(MAIN);
    }

    /**
     * A template is handed views (records, copies), never an entity, nor a list or page of them: an entity
     * carries what a page must not show (a password hash) and may be written back by whatever touches it.
     */
    @Test
    void templatesGetViewsNeverEntities() {
        methods().that().areDeclaredInClassesThat().haveSimpleName("Templates")
                .should(new ArchCondition<JavaMethod>("take no entity, nor a collection or page of entities") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        method.getParameterTypes().stream().flatMap(type -> type.getAllInvolvedRawTypes().stream())
                                .filter(type -> type.isAnnotatedWith(Entity.class))
                                .forEach(entity -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " is handed the entity " + entity.getName())));
                    }
                }).check(MAIN);
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
