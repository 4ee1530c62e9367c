package org.partnerdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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
}
