package org.scimengine.filter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
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

/** The module's public surface stays small and free of ANTLR; no library code writes to the console. */
class ArchitectureTest {

    private static final String API = "org.scimengine.filter";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API);

    @Test
    void apiSignaturesMentionNoInternalOrAntlrType() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage(API).and().arePublic()
                .should(exposeOnlyApiTypes())
                .check(CLASSES);
    }

    @Test
    void theApiPackageDoesNotUseAntlrDirectly() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAPackage("org.antlr..")
                .check(CLASSES);
    }

    @Test
    void libraryCodeNeverWritesToTheConsole() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
    }

    @Test
    void everyHandWrittenPackageIsNullMarked() throws ClassNotFoundException {
        for (String name : new String[] {API, API + ".internal"}) {
            Class<?> packageInfo = Class.forName(name + ".package-info");
            assertThat(packageInfo.isAnnotationPresent(NullMarked.class)).as(name).isTrue();
        }
    }

    private static ArchCondition<JavaClass> exposeOnlyApiTypes() {
        return new ArchCondition<>("expose only API and JDK types in public signatures") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Stream<JavaCodeUnit> publicMembers = type.getCodeUnits().stream()
                        .filter(unit -> unit.getModifiers().contains(JavaModifier.PUBLIC));
                publicMembers.forEach(unit -> Stream.concat(Stream.of(unit.getRawReturnType()),
                                unit.getRawParameterTypes().stream())
                        .filter(used -> used.getPackageName().startsWith(API + ".internal")
                                || used.getPackageName().startsWith("org.antlr"))
                        .forEach(used -> events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " exposes " + used.getName()))));
            }
        };
    }
}
