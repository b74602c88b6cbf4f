package org.scimengine.jaxrs;

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
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The adapter's shape: a small public API whose signatures mention no internal type, no use of another module's
 * internals or of a particular JAX-RS runtime, no SQL, no console.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.scimengine.jaxrs");

    @Test
    void thePublicApiIsTheFeatureAndTheSecuritySpi() {
        List<String> api = CLASSES.stream()
                .filter(type -> type.getPackageName().equals("org.scimengine.jaxrs"))
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName)
                .sorted()
                .toList();

        assertThat(api).containsExactly("Builder", "CredentialStore", "HashedCredential", "InMemoryCredentialStore",
                "MeResolver", "ScimAction", "ScimAuthenticator", "ScimAuthorizer", "ScimFeature", "ScimMediaType",
                "ScimPrincipal", "Target");
    }

    @Test
    void publicSignaturesOutsideInternalMentionNoInternalType() {
        classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
                .should(exposeNoInternalType())
                .check(CLASSES);
    }

    @Test
    void onlyTheJaxRsApiNotARuntime() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.glassfish..", "org.jboss..",
                        "org.apache.cxf..", "io.quarkus..", "javax.ws.rs..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void noOtherModulesInternalsAndNoSql() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.scimengine.core.internal..",
                        "org.scimengine.filter.internal..", "java.sql..", "javax.sql..", "org.jooq..")
                .check(CLASSES);
    }

    @Test
    void libraryCodeNeverWritesToTheConsole() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        List<String> packages = CLASSES.stream().map(JavaClass::getPackageName).distinct().toList();
        assertThat(packages).contains("org.scimengine.jaxrs", "org.scimengine.jaxrs.internal");
        for (String name : packages) {
            assertThat(Class.forName(name + ".package-info").isAnnotationPresent(NullMarked.class)).as(name).isTrue();
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
