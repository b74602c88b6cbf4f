package org.scimengine.demo.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.BearerTokens;
import org.scimengine.demo.account.IssuedClient;
import org.scimengine.demo.testing.MutableClock;
import org.scimengine.demo.testing.Storages;

class TokenServiceTest {

    @TempDir
    Path data;

    @RegisterExtension
    final Storages storages = new Storages();

    private final MutableClock clock = MutableClock.atNewYear();
    private AccountStore accounts;
    private TokenService tokens;
    private IssuedClient client;

    @BeforeEach
    void setUp() {
        accounts = storages.accounts(data, clock);
        tokens = new TokenService(accounts, clock, TokenService.DEFAULT_LIFETIME);
        client = accounts.createClient("acme", "reporting", List.of("users:read", "users:write"));
    }

    private AccessToken issue() {
        return tokens.issue(client.client().clientId(), client.clientSecret()).orElseThrow();
    }

    @Test
    void aClientTradesItsIdAndSecretForATokenWithItsScopesFor24Hours() {
        AccessToken token = issue();

        assertThat(token.type()).isEqualTo("Bearer");
        assertThat(token.lifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(token.scopes()).containsExactly("users:read", "users:write");
        assertThat(token.toString()).doesNotContain(token.value());
        assertThat(tokens.authenticate(token.value())).contains(new Caller("client acme/reporting", "acme",
                Set.of("users:read", "users:write"), "client:" + client.client().clientId()));
    }

    @Test
    void everyTokenIsNewAndOpaque() {
        String first = issue().value();
        String second = issue().value();
        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
        assertThat(first).doesNotContain(client.client().clientId(), "acme");
    }

    @Test
    void aWrongSecretOrAnUnknownClientGetsNothing() {
        assertThat(tokens.issue(client.client().clientId(), client.clientSecret() + "x")).isEmpty();
        assertThat(tokens.issue(client.client().clientId(), "")).isEmpty();
        assertThat(tokens.issue("no-such-client", client.clientSecret())).isEmpty();
    }

    @Test
    void aTokenWorksUntilTheEndOfItsLifetimeAndNotAfter() {
        AccessToken token = issue();
        clock.advance(Duration.ofHours(24).minusNanos(1));
        assertThat(tokens.authenticate(token.value())).isPresent();
        clock.advance(Duration.ofNanos(1));
        assertThat(tokens.authenticate(token.value())).isEmpty();
        // Expired is expired, even if the clock were set back.
        clock.advance(Duration.ofHours(-1));
        assertThat(tokens.authenticate(token.value())).isEmpty();
    }

    @Test
    void aRevokedTokenNoLongerWorksAndOthersDo() {
        AccessToken revoked = issue();
        AccessToken kept = issue();

        assertThat(tokens.revoke(revoked.value())).isTrue();

        assertThat(tokens.authenticate(revoked.value())).isEmpty();
        assertThat(tokens.authenticate(kept.value())).isPresent();
        assertThat(tokens.revoke(revoked.value())).isFalse();
    }

    @Test
    void revokingNeedsTheWholeToken() {
        AccessToken token = issue();
        String id = BearerTokens.split(token.value()).id();
        assertThat(tokens.revoke(id + ".not-the-secret")).isFalse();
        assertThat(tokens.authenticate(token.value())).isPresent();
    }

    @Test
    void revokeAllEndsEveryTokenOfAClient() {
        IssuedClient other = accounts.createClient("acme", "other", List.of("groups:read"));
        AccessToken a = issue();
        AccessToken b = issue();
        AccessToken others = tokens.issue(other.client().clientId(), other.clientSecret()).orElseThrow();

        assertThat(tokens.revokeAll(client.client().clientId())).isEqualTo(2);

        assertThat(tokens.authenticate(a.value())).isEmpty();
        assertThat(tokens.authenticate(b.value())).isEmpty();
        assertThat(tokens.authenticate(others.value())).isPresent();
    }

    @Test
    void deletingTheClientEndsItsTokens() {
        AccessToken token = issue();
        // Done by the command line, in another process, through the database.
        storages.accounts(data, clock).deleteClient("acme", "reporting");
        assertThat(tokens.authenticate(token.value())).isEmpty();
    }

    @Test
    void aTokenWorksAfterARestartAndOnEveryServerOfTheDatabase() {
        AccessToken token = issue();
        TokenService other = new TokenService(storages.accounts(data, clock), clock, TokenService.DEFAULT_LIFETIME);

        assertThat(other.authenticate(token.value())).isEqualTo(tokens.authenticate(token.value())).isPresent();
        assertThat(other.revoke(token.value())).isTrue();
        assertThat(tokens.authenticate(token.value())).isEmpty();
    }

    @Test
    void aTamperedOrForeignTokenIsNobody() {
        AccessToken token = issue();
        BearerTokens.Parts parts = BearerTokens.split(token.value());
        assertThat(tokens.authenticate(parts.id() + "." + parts.secret().substring(1) + "A")).isEmpty();
        assertThat(tokens.authenticate(parts.id())).isEmpty();
        assertThat(tokens.authenticate(BearerTokens.generate())).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void aClientKeepsAtMostAHundredLiveTokensTheOldestGoingFirst() {
        List<AccessToken> issued = new ArrayList<>();
        for (int i = 0; i < TokenService.MAX_TOKENS_PER_CLIENT + 1; i++) {
            issued.add(issue());
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(tokens.authenticate(issued.get(0).value())).isEmpty();
        assertThat(tokens.authenticate(issued.get(1).value())).isPresent();
        assertThat(tokens.authenticate(issued.get(issued.size() - 1).value())).isPresent();
    }

    @Test
    void theLifetimeMustBePositive() {
        assertThatThrownBy(() -> new TokenService(accounts, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
