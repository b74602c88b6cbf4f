package org.scimengine.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * scim-core sees neither HTTP nor SQL (DESIGN.md; java.sql is in the JDK, so the enforcer's dependency bans
 * cannot catch it), keeps its internals out of its public signatures and the grammar's internals out of its
 * code, and never writes to the console.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.scimengine.core");

    @Test
    void theCoreUsesNeitherHttpNorSql() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "jakarta.ws.rs..", "javax.ws.rs..", "jakarta.servlet..",
                        "org.jooq..")
                .check(CLASSES);
    }

    @Test
    void nothingReachesIntoTheGrammarsInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.scimengine.filter.internal..")
                .check(CLASSES);
    }

    @Test
    void publicSignaturesOutsideInternalMentionNoInternalType() {
        classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
                .should(exposeNoInternalType())
                .check(CLASSES);
    }

    @Test
    void libraryCodeNeverWritesToTheConsole() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        for (String name : CLASSES.stream().map(JavaClass::getPackageName).distinct().toList()) {
            Class<?> packageInfo = Class.forName(name + ".package-info");
            assertThat(packageInfo.isAnnotationPresent(NullMarked.class)).as(name).isTrue();
        }
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getCodeUnits().stream()
                        .filter(unit -> unit.getModifiers().contains(JavaModifier.PUBLIC))
                        .forEach(unit -> Stream.concat(Stream.of(unit.getRawReturnType()),
                                        unit.getRawParameterTypes().stream())
                                .filter(used -> used.getPackageName().contains(".internal"))
                                .forEach(used -> events.add(SimpleConditionEvent.violated(unit,
                                        unit.getFullName() + " exposes " + used.getName()))));
            }
        };
    }
}
