package org.scimengine.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.store.memory.InMemoryResourceStore;

/** The builder rejects what cannot work on the call that sets it, with a message that says why. */
class ScimFeatureBuilderTest {

    private final ScimEngine engine = Fixture.newEngine();

    @Test
    void anAuthenticatorIsRequired() {
        assertThatThrownBy(() -> ScimFeature.builder(engine).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("authenticator");
        assertThat(ScimFeature.builder(engine).authenticator(request -> Optional.empty()).build()).isNotNull();
    }

    @Test
    void noContentOnPatchNamesServedResourceTypes() {
        assertThatThrownBy(() -> ScimFeature.builder(engine).noContentOnPatch("Group", "Widget"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Widget");
    }

    @Test
    void theBodyLimitIsPositive() {
        assertThatThrownBy(() -> ScimFeature.builder(engine).maxRequestBodySize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRequestBodySize");
    }

    @Test
    void theBasePathHasNoEmptyOrRelativeSegments() {
        for (String path : new String[] {"scim//v2", "scim/./v2", "../scim", "scim v2", "scim/%41"}) {
            assertThatThrownBy(() -> ScimFeature.builder(engine).basePath(path))
                    .as(path).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(path);
        }
        assertThat(ScimFeature.builder(engine).basePath("/").basePath("/scim/v2/")).isNotNull();
    }

    @Test
    void aResourceTypeCannotTakeOneOfScimsOwnEndpoints() {
        Schema thing = Schema.fromJson("""
                {"id": "urn:example:Thing", "name": "Thing", "description": "", "attributes": []}
                """);
        ScimEngine clashing = ScimEngine.builder(InMemoryResourceStore.create()).passwordHashIterations(1_000)
                .registry(SchemaRegistry.builder().addStandard().addSchema(thing)
                        .addResourceType(new ResourceType("Thing", "/bulk", "", "urn:example:Thing",
                                java.util.List.of()))
                        .build())
                .build();

        assertThatThrownBy(() -> ScimFeature.builder(clashing).authenticator(request -> Optional.empty()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/bulk");
    }
}
