package com.alphapanda.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.alphapanda.AlphaPandaApplication;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries and coding rules every change must keep. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.alphapanda");

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(AlphaPandaApplication.class).verify();
    }

    @Test
    void eventsAndMoneyUseNoBinaryFloatingPoint() {
        ArchRule rule = noFields().that().areDeclaredInClassesThat()
                .resideInAnyPackage("com.alphapanda.core.event..", "com.alphapanda.core.money..", "com.alphapanda.core.id..")
                .should().haveRawType(double.class).orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class);
        rule.check(CLASSES);
        noMethods().that().areDeclaredInClassesThat()
                .resideInAnyPackage("com.alphapanda.core.event..", "com.alphapanda.core.money..")
                .should().haveRawReturnType(double.class).orShould().haveRawReturnType(float.class)
                .check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(CLASSES);
    }

    @Test
    void noSystemOutOutsideTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("com.alphapanda.cli..")
                .should().accessField(System.class, "out")
                .because("write to a logger; only the command line prints to standard output")
                .check(CLASSES);
    }

    @Test
    void noPrintedStackTraces() {
        noClasses().should().callMethod(Throwable.class, "printStackTrace")
                .because("log the exception instead").check(CLASSES);
    }

    @Test
    void coreKnowsNoFeature() {
        noClasses().that().resideInAPackage("com.alphapanda.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("com.alphapanda.core..", "java..", "javax..",
                        "jakarta..", "org.springframework..", "org.apache.kafka..", "org.slf4j..", "tools.jackson..",
                        "com.fasterxml.jackson..", "com.github.f4b6a3..", "io.micrometer..", "org.hibernate.validator..")
                .check(CLASSES);
    }

    @Test
    void eventPayloadsAreImmutableRecords() {
        fields().that().areDeclaredInClassesThat().resideInAPackage("com.alphapanda.core.event")
                .and().areNotStatic()
                .should().beFinal()
                .check(CLASSES);
    }
}
