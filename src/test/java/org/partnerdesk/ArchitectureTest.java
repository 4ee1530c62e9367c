package org.partnerdesk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.ApplicationModuleListener;

/** Rules of DESIGN.md and STYLE.md that a compiler does not check. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.partnerdesk");

    @Test
    void entitlementIsFreeOfSpringAndSql() {
        // #13: the module's @ApplicationModule on package-info is a declaration for the build, not code the decision runs
        classes().that().resideInAPackage("org.partnerdesk.entitlement..").and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.partnerdesk.entitlement..", "java..", "org.jspecify..")
                .allowEmptyShould(true)
                .because("the entitlement decision is a pure function: records in, a decision out (DESIGN.md)")
                .check(PRODUCTION);
    }

    @Test
    void slaRulesAreFreeOfSpringAndSql() {
        classes().that().resideInAPackage("org.partnerdesk.sla.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.partnerdesk.sla.domain..", "java..", "org.jspecify..")
                .because("the business calendar and the SLA targets are pure: settings and instants in, due times out (TKT-4)")
                .check(PRODUCTION);
    }

    @Test
    void noManagersHelpersUtilsOrImpls() {
        noClasses().should().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Impl")
                .because("names come from the domain (STYLE.md)")
                .check(PRODUCTION);
    }

    @Test
    void noFieldInjection() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
                .because("dependencies come through constructors (STYLE.md)")
                .check(PRODUCTION);
    }

    @Test
    void sqlRunsOnlyInPersistencePackages() {
        noClasses().that().resideOutsideOfPackage("..persistence..")
                // the embedded PostgreSQL starter builds the pool and opens the connections that create the database
                .and().resideOutsideOfPackage("org.partnerdesk.database..")
                // db-scheduler's wiring: the jobs module hands the pool to the scheduler
                .and().doNotHaveFullyQualifiedName("org.partnerdesk.jobs.JobScheduler")
                // PO-5: a db-scheduler client on the transaction-aware pool, so an activation job is written with its account
                .and().doNotHaveFullyQualifiedName("org.partnerdesk.partnerops.billing.ActivationSchedule")
                // #11 item 7: reads the SQLState of a failure to answer 503; it runs no SQL
                .and().doNotHaveFullyQualifiedName("org.partnerdesk.api.web.DatabaseOutage")
                // Flyway needs no exception: Boot's auto-configuration runs it, no class of ours touches it
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "java.sql.."))
                .because("SQL lives in Stored* classes of a module's persistence package; the facades call them (STYLE.md, #13)")
                .check(PRODUCTION);
    }

    @Test
    void outboxListenersRunInTheTransactionTheirPublicationCompletesIn() {
        noMethods().should().beAnnotatedWith(ApplicationModuleListener.class)
                .because("issue #19: @OutboxListener has no transaction of its own, so a listener's work and the deletion of its"
                        + " publication commit in one (notification.OutboxTransactions); Modulith's opens a second")
                .check(PRODUCTION);
    }
}
