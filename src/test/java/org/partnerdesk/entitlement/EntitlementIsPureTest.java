package org.partnerdesk.entitlement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md: the decision stays pure: only the JDK and JSpecify's annotations, no Spring, no SQL. */
class EntitlementIsPureTest {

    @Test
    void entitlementDependsOnlyOnTheJdkAndJSpecify() {
        JavaClasses entitlement = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.partnerdesk.entitlement");

        // the module's @ApplicationModule on package-info is a declaration for the build, not code the decision runs
        classes().that().resideInAPackage("org.partnerdesk.entitlement").and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.partnerdesk.entitlement..", "java..", "org.jspecify.annotations..")
                .check(entitlement);
    }
}
