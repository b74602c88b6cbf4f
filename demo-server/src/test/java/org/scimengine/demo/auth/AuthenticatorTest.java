package org.scimengine.demo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.AuthType;
import org.scimengine.demo.account.Bootstrap;
import org.scimengine.demo.account.IssuedClient;
import org.scimengine.demo.account.IssuedIntegration;
import org.scimengine.demo.account.Scopes;
import org.scimengine.demo.testing.MutableClock;
import org.scimengine.demo.testing.Storages;

class AuthenticatorTest {

    @TempDir
    Path data;

    @RegisterExtension
    final Storages storages = new Storages();

    private final MutableClock clock = MutableClock.atNewYear();
    private AccountStore accounts;
    private TokenService tokens;
    private Authenticator authenticator;

    @BeforeEach
    void setUp() {
        accounts = storages.accounts(data, clock);
        tokens = new TokenService(accounts, clock, TokenService.DEFAULT_LIFETIME);
        authenticator = new Authenticator(accounts, tokens);
    }

    @Test
    void aBasicIntegrationIsItsAccountWithItsScopes() {
        IssuedIntegration okta = accounts.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);

        assertThat(authenticator.basic(okta.userName(), okta.password())).contains(new Caller(
                "integration acme/Production", "acme", Set.copyOf(Scopes.ALL),
                "integration:" + okta.userName()));
        assertThat(authenticator.basic(okta.userName(), okta.password() + "x")).isEmpty();
        assertThat(authenticator.basic(okta.userName() + "x", okta.password())).isEmpty();
        // A Basic credential is no bearer token.
        assertThat(authenticator.bearer(okta.userName() + "." + okta.password())).isEmpty();
    }

    @Test
    void aBearerIntegrationIsItsAccountWithItsScopes() {
        IssuedIntegration entra = accounts.createIntegration("globex", "Entra", AuthType.BEARER,
                List.of("users:read", "groups:read"));

        Caller caller = authenticator.bearer(entra.bearerToken()).orElseThrow();
        assertThat(caller.tenant()).isEqualTo("globex");
        assertThat(caller.scopes()).containsExactlyInAnyOrder("users:read", "groups:read");
        assertThat(caller.name()).isEqualTo("integration globex/Entra");
        assertThat(authenticator.bearer(entra.bearerToken() + "x")).isEmpty();
        assertThat(authenticator.basic(entra.integration().credentialId(), entra.secret())).isEmpty();
    }

    @Test
    void anOAuthTokenIsItsClientsAccountWithItsScopes() {
        IssuedClient client = accounts.createClient("acme", "reporting", List.of("users:read"));
        AccessToken token = tokens.issue(client.client().clientId(), client.clientSecret()).orElseThrow();

        Caller caller = authenticator.bearer(token.value()).orElseThrow();
        assertThat(caller.tenant()).isEqualTo("acme");
        assertThat(caller.scopes()).containsExactly("users:read");
        assertThat(caller.rateKey()).isEqualTo("client:" + client.client().clientId());
        // The client's own secret is not a bearer token.
        assertThat(authenticator.bearer(client.client().clientId() + "." + client.clientSecret())).isEmpty();
    }

    @Test
    void theBootstrapTokenIsTheDefaultAccountWithEveryScope() {
        Bootstrap.ensure(accounts, "scripted-setup-token");
        Caller caller = authenticator.bearer("scripted-setup-token").orElseThrow();
        assertThat(caller.tenant()).isEqualTo("default");
        assertThat(caller.scopes()).containsExactlyInAnyOrderElementsOf(Scopes.ALL);
        assertThat(authenticator.bearer("scripted-setup-tokeN")).isEmpty();
    }

    @Test
    void aDeletedIntegrationNoLongerAuthenticates() {
        IssuedIntegration issued = accounts.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        storages.accounts(data, clock).deleteIntegration("acme", "Production");
        assertThat(authenticator.basic(issued.userName(), issued.password())).isEmpty();
    }
}
