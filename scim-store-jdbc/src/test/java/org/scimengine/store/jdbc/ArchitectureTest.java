package org.scimengine.store.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** The store's shape: three public types, no other module's internals, no HTTP, no console. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.scimengine.store.jdbc");

    @Test
    void thePublicApiIsTheStoreItsBuilderAndTheDialect() {
        List<String> api = CLASSES.stream()
                .filter(type -> type.getPackageName().equals("org.scimengine.store.jdbc"))
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName).sorted().toList();

        assertThat(api).containsExactly("Builder", "JdbcDialect", "JdbcResourceStore");
    }

    @Test
    void noOtherModulesInternalsAndNoHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.scimengine.core.internal..",
                        "org.scimengine.filter.internal..", "org.scimengine.store.memory..", "jakarta.ws.rs..",
                        "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void theApiMentionsNoJooqType() {
        noClasses().that().resideInAPackage("org.scimengine.store.jdbc").should().dependOnClassesThat()
                .resideInAPackage("org.jooq..").check(CLASSES);
    }

    @Test
    void libraryCodeNeverWritesToTheConsole() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        List<String> packages = CLASSES.stream().map(JavaClass::getPackageName).distinct().toList();
        assertThat(packages).contains("org.scimengine.store.jdbc", "org.scimengine.store.jdbc.internal");
        for (String name : packages) {
            assertThat(Class.forName(name + ".package-info").isAnnotationPresent(NullMarked.class)).as(name).isTrue();
        }
    }
}
