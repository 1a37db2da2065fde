package dev.reapi.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The client's package rules: pure model, internals behind the facade, Micrometer contained. */
class ArchitectureTest {

    private static final JavaClasses CLIENT =
            // Only the module's own output: scanning the whole class path is slow.
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(Path.of("target", "classes"));

    @Test
    void model_dependsOnNothingButTheJdkJacksonAndJspecify() {
        classes()
                .that()
                .resideInAPackage("dev.reapi.client.model..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.reapi.client.model..",
                        "java.lang..",
                        "java.time..",
                        "java.util..",
                        "com.fasterxml.jackson..",
                        "org.jspecify..")
                .check(CLIENT);
    }

    @Test
    void model_doesNoIo() {
        noClasses()
                .that()
                .resideInAPackage("dev.reapi.client.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.net..", "java.io..", "java.nio..", "org.slf4j..")
                .check(CLIENT);
    }

    @Test
    void internals_doNotReachBackIntoBatchingOrEnrichment() {
        noClasses()
                .that()
                .resideInAPackage("dev.reapi.client.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.reapi.client.batch..", "dev.reapi.client.enrich..")
                .check(CLIENT);
    }

    @Test
    void micrometer_isTouchedOnlyByItsBindingAndTheBuilderSignature() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.reapi.client.internal.micrometer..")
                .and()
                .doNotHaveSimpleName("RealEstateApiClientBuilder")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.micrometer..", "io.github.resilience4j.micrometer..")
                .check(CLIENT);
    }
}
