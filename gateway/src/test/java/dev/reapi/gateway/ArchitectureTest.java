package dev.reapi.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps dependencies pointing inward: the domain knows nothing else, use cases know the domain and
 * their ports, adapters implement ports, and only the composition root in {@code config} sees
 * everything.
 */
@AnalyzeClasses(
        packages = "dev.reapi.gateway",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Libraries that belong to adapters: HTTP, SQL, Redis and their plumbing. */
    private static final String[] INFRASTRUCTURE = {
        "io.javalin..",
        "org.eclipse.jetty..",
        "jakarta.servlet..",
        "java.sql..",
        "javax.sql..",
        "org.jdbi..",
        "org.flywaydb..",
        "com.zaxxer..",
        "org.postgresql..",
        "org.sqlite..",
        "io.lettuce..",
        "redis..",
        "io.netty..",
        "io.github.bucket4j..",
    };

    @ArchTest
    static final ArchRule domainDependsOnNothingOutside =
            noClasses()
                    .that()
                    .resideInAPackage("..gateway.domain..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "..gateway.application..", "..gateway.adapter..", "..gateway.config..")
                    .orShould()
                    .dependOnClassesThat()
                    .resideInAnyPackage(INFRASTRUCTURE)
                    .because("the domain is plain Java without I/O");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnDomainAndPorts =
            noClasses()
                    .that()
                    .resideInAPackage("..gateway.application..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("..gateway.adapter..", "..gateway.config..")
                    .orShould()
                    .dependOnClassesThat()
                    .resideInAnyPackage(INFRASTRUCTURE)
                    .because("use cases reach the outside world only through their ports");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnConfig =
            noClasses()
                    .that()
                    .resideInAPackage("..gateway.adapter..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("..gateway.config..")
                    .because("the composition root wires adapters, not the other way round");

    /**
     * The upstream client is reached through the {@code PropertySource} port. The composition root
     * may construct it; the client's model records are shared vocabulary and allowed everywhere.
     */
    @ArchTest
    static final ArchRule onlyTheUpstreamAdapterUsesTheClient =
            noClasses()
                    .that()
                    .resideOutsideOfPackages(
                            "..gateway.adapter.out.upstream..", "..gateway.config..")
                    .should()
                    .dependOnClassesThat(
                            resideInAPackage("dev.reapi.client..")
                                    .and(not(resideInAPackage("dev.reapi.client.model.."))))
                    .because("only the upstream adapter talks to the upstream API");
}
