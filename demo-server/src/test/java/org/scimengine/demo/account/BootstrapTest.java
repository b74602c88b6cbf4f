package org.scimengine.demo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scimengine.demo.testing.MutableClock;
import org.scimengine.demo.testing.Storages;

class BootstrapTest {

    @TempDir
    Path data;

    @RegisterExtension
    final Storages storages = new Storages();

    private AccountStore store() {
        return storages.accounts(data, MutableClock.atNewYear());
    }

    @Test
    void withoutTheVariableNothingHappens() {
        AccountStore store = store();
        assertThat(Bootstrap.fromEnvironment(store, Map.of())).isEmpty();
        assertThat(Bootstrap.fromEnvironment(store, Map.of(Bootstrap.ENVIRONMENT_VARIABLE, "  "))).isEmpty();
        assertThat(store.integrations(null)).isEmpty();
    }

    @Test
    void theVariableMakesABearerIntegrationWithEveryScopeInTheDefaultAccount() {
        String token = "4f2b8a1c9e7d6b5a3c2e1f0a9b8c7d6e5f4a3b2c";
        Map<String, String> environment = Map.of(Bootstrap.ENVIRONMENT_VARIABLE, token);

        assertThat(Bootstrap.fromEnvironment(store(), environment)).contains(AccountStore.Ensured.CREATED);
        assertThat(Bootstrap.fromEnvironment(store(), environment)).contains(AccountStore.Ensured.UNCHANGED);

        Integration integration = store().integrations(null).get(0);
        assertThat(integration.account()).isEqualTo("default");
        assertThat(integration.name()).isEqualTo("bootstrap");
        assertThat(integration.auth()).isEqualTo(AuthType.BEARER);
        assertThat(integration.scopes()).isEqualTo(Scopes.ALL);
        assertThat(store().findBearer(BearerTokens.split(token).id())).contains(integration);
        assertThat(integration.secret().matches(token)).isTrue();
    }

    @Test
    void aTokenInTheGeneratedFormWorksToo() {
        String token = BearerTokens.generate();
        Bootstrap.ensure(store(), token);
        BearerTokens.Parts parts = BearerTokens.split(token);
        assertThat(store().findBearer(parts.id()).orElseThrow().secret().matches(parts.secret())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "quote\"d", "comma,separated", "ünïcode", "=leading"})
    void aTokenNoClientCouldSendIsRefused(String token) {
        assertThatThrownBy(() -> Bootstrap.ensure(store(), token))
                .isInstanceOf(AccountException.class)
                .hasMessageStartingWith("SCIM_BOOTSTRAP_TOKEN must be a token a client can send after 'Bearer '");
        assertThat(store().integrations(null)).isEmpty();
    }

    @Test
    void aShortTokenIsAcceptedForTests() {
        assertThat(Bootstrap.ensure(store(), "test-token")).isEqualTo(AccountStore.Ensured.CREATED);
    }
}
