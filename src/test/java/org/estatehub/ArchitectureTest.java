package org.estatehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers, checked on the compiled classes rather than left to good intentions. The generated
 * interfaces and models (org.estatehub.api) are the contract: every layer may use them.
 * <ul>
 * <li>rest (and common/http): HTTP only; SQL, JDBC and persistence are reached through services;</li>
 * <li>HTTP responses are built in rest, or in common's HTTP plumbing (common/http, e.g. an idempotent
 * replay; common/problem, the problem answers of failures), never in services, importers or mappers;</li>
 * <li>common is plumbing: it depends on no feature;</li>
 * <li>a feature's rest package is its own: nothing else uses it;</li>
 * <li>history is used by every feature and so depends on none.</li>
 * </ul>
 */
@FastTest
class ArchitectureTest {

    static final List<String> FEATURES = List.of("asset", "project", "funding", "mou", "partner", "monitoring", "authority", "disposal",
            "brownfield", "occupation", "workspace", "webhook",
            "history");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.estatehub");

    /** A wrong package name would import nothing and let every rule pass. */
    @Test
    void importsTheApplication() {
        assertTrue(CLASSES.contain("org.estatehub.asset.rest.AssetResource"));
        assertTrue(CLASSES.contain("org.estatehub.history.service.AuditLog"));
        assertFalse(CLASSES.contain("org.estatehub.ArchitectureTest"));
    }

    @Test
    void restReachesTheDatabaseOnlyThroughServices() {
        noClasses().that().resideInAnyPackage("org.estatehub..rest..", "org.estatehub.common.http..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..", "io.quarkus.panache..",
                        "io.agroal..", "org.postgresql..", "org.estatehub.common.sql..")
                .because("rest translates HTTP; queries, cursors and transactions belong to services")
                .check(CLASSES);
    }

    @Test
    void onlyTheHttpLayerBuildsResponses() {
        noClasses().that().resideOutsideOfPackages("org.estatehub..rest..", "org.estatehub.common.http..",
                "org.estatehub.common.problem..", "org.estatehub.api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.ws.rs.core.Response")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.ws.rs.core.Response$ResponseBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.ws.rs.core.StreamingOutput")
                .because("services answer with values or write to a stream they are given; rest makes the response")
                .check(CLASSES);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.estatehub.common..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
                .because("common is plumbing every feature may use")
                .check(CLASSES);
    }

    @Test
    void aFeaturesRestPackageIsItsOwn() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage("org.estatehub." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.estatehub." + feature + ".rest..")
                    .because("features talk to each other through services, not through each other's HTTP layer")
                    .check(CLASSES);
        }
    }

    @Test
    void historyDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("org.estatehub.history..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        packages(FEATURES.stream().filter(f -> !f.equals("history")).toList()))
                .because("every feature records its history; features contribute their read rules as AuditScope beans")
                .check(CLASSES);
    }

    private static String[] packages(List<String> features) {
        return features.stream().map(f -> "org.estatehub." + f + "..").toArray(String[]::new);
    }
}
