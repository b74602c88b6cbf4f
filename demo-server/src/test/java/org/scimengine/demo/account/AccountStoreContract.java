package org.scimengine.demo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scimengine.demo.DatabaseLocation;
import org.scimengine.demo.testing.MutableClock;
import org.scimengine.demo.testing.Storages;

/**
 * What the accounts' store does on every database: each test opens stores on one database as separate processes
 * (the command line, one or more servers) would, each with connections of its own.
 */
abstract class AccountStoreContract {

    @RegisterExtension
    final Storages storages = new Storages();

    final MutableClock clock = MutableClock.atNewYear();
    private final List<ExecutorService> pools = new ArrayList<>();

    /** The database under test, empty at the start of each test. */
    abstract DatabaseLocation database();

    /** Everything the database keeps of the demo's tables, as text, to look for secrets in. */
    abstract String stored();

    AccountStore open() {
        return storages.open(database(), clock).accounts();
    }

    @AfterEach
    void stopPools() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        pools.add(pool);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void aNewDatabaseHasNoIntegrationsOrClients() {
        AccountStore store = open();
        assertThat(store.integrations(null)).isEmpty();
        assertThat(store.clients(null)).isEmpty();
    }

    @Test
    void aBasicIntegrationHasAGeneratedUserNameAndPasswordKeptOnlyAsAHash() {
        IssuedIntegration issued = open().createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);

        assertThat(issued.userName()).hasSize(22).doesNotContain(":", ".");
        assertThat(issued.password()).hasSize(43);
        assertThat(issued.integration().secret().matches(issued.password())).isTrue();
        assertThat(issued.integration().secret().matches(issued.password() + "x")).isFalse();
        assertThat(issued.integration().created()).isEqualTo(clock.instant());
        assertThat(stored()).contains(issued.userName(), issued.integration().secret().sha256())
                .doesNotContain(issued.password());
        assertThat(issued.toString()).doesNotContain(issued.password());
        assertThatThrownBy(issued::bearerToken).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBearerIntegrationHasAGeneratedTokenKeptOnlyAsAHash() {
        IssuedIntegration issued = open().createIntegration("acme", "Staging", AuthType.BEARER,
                List.of("users:read"));

        BearerTokens.Parts parts = BearerTokens.split(issued.bearerToken());
        assertThat(parts.id()).isEqualTo(issued.integration().credentialId());
        assertThat(issued.integration().secret().matches(parts.secret())).isTrue();
        assertThat(stored()).contains(parts.id()).doesNotContain(parts.secret());
        assertThat(issued.integration().scopes()).containsExactly("users:read");
        assertThatThrownBy(issued::password).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyIntegrationGetsItsOwnCredentials() {
        AccountStore store = open();
        IssuedIntegration first = store.createIntegration("acme", "One", AuthType.BASIC, Scopes.ALL);
        IssuedIntegration second = store.createIntegration("acme", "Two", AuthType.BASIC, Scopes.ALL);
        assertThat(first.userName()).isNotEqualTo(second.userName());
        assertThat(first.password()).isNotEqualTo(second.password());
        assertThat(first.integration().secret().salt()).isNotEqualTo(second.integration().secret().salt());
    }

    @Test
    void credentialsAreFoundByTheirIdsExactly() {
        AccountStore store = open();
        IssuedIntegration basic = store.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        IssuedIntegration bearer = store.createIntegration("acme", "Staging", AuthType.BEARER, Scopes.ALL);
        IssuedClient client = store.createClient("acme", "reporting", List.of("users:read"));

        assertThat(store.findBasic(basic.userName())).contains(basic.integration());
        assertThat(store.findBasic(basic.userName().toUpperCase(Locale.ROOT))).isEmpty();
        assertThat(store.findBearer(bearer.integration().credentialId())).contains(bearer.integration());
        assertThat(store.findBearer(basic.userName())).isEmpty();
        assertThat(store.findBasic(bearer.integration().credentialId())).isEmpty();
        assertThat(store.findClient(client.client().clientId())).contains(client.client());
        assertThat(store.findClient(basic.userName())).isEmpty();
        assertThat(store.findBasic(client.client().clientId())).isEmpty();
    }

    @Test
    void namesAreUniqueInAnAccountIgnoringCaseButNotAcrossAccounts() {
        AccountStore store = open();
        store.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        assertThatThrownBy(() -> store.createIntegration("acme", " production ", AuthType.BEARER, Scopes.ALL))
                .isInstanceOf(AccountException.class)
                .hasMessage("account acme already has an integration named 'Production'; delete it first or"
                        + " choose another name");
        store.createIntegration("globex", "Production", AuthType.BASIC, Scopes.ALL);

        store.createClient("acme", "reporting", Scopes.ALL);
        assertThatThrownBy(() -> store.createClient("acme", "Reporting", Scopes.ALL))
                .hasMessage("account acme already has an API client named 'reporting'; delete it first or choose"
                        + " another name");
        // An integration and a client may share a name.
        store.createIntegration("acme", "reporting", AuthType.BEARER, Scopes.ALL);
        assertThat(store.integrations(null)).extracting(Integration::displayName)
                .containsExactly("acme/Production", "acme/reporting", "globex/Production");
    }

    @Test
    void ofManyProcessesCreatingOneNameAtOnceExactlyOneSucceeds() throws Exception {
        List<AccountStore> stores = List.of(open(), open());
        int[] next = {0};
        List<String> outcomes = concurrently(8, () -> {
            AccountStore store;
            synchronized (next) {
                store = stores.get(next[0]++ % stores.size());
            }
            try {
                store.createIntegration("acme", "Production", AuthType.BEARER, Scopes.ALL);
                return "created";
            } catch (AccountException e) {
                return e.getMessage();
            }
        });
        assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("created")).hasSize(7)
                .allMatch(o -> o.equals("account acme already has an integration named 'Production'; delete it"
                        + " first or choose another name"));
        assertThat(open().integrations("acme")).hasSize(1);
    }

    @Test
    void listsAreByAccountAndName() {
        AccountStore store = open();
        store.createIntegration("globex", "Zeta", AuthType.BASIC, Scopes.ALL);
        store.createIntegration("acme", "staging", AuthType.BASIC, Scopes.ALL);
        store.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        assertThat(store.integrations(null)).extracting(Integration::displayName)
                .containsExactly("acme/Production", "acme/staging", "globex/Zeta");
        assertThat(store.integrations("acme")).extracting(Integration::name).containsExactly("Production", "staging");
        assertThat(store.integrations("initech")).isEmpty();
        assertThat(store.clients("acme")).isEmpty();
    }

    @Test
    void badNamesAndScopesAreRefusedWithWhatToDo() {
        AccountStore store = open();
        assertThatThrownBy(() -> store.createIntegration("Acme Corp", "Production", AuthType.BASIC, Scopes.ALL))
                .isInstanceOf(AccountException.class)
                .hasMessageContaining("is not a valid account name: use 1 to 63 lower-case letters");
        assertThatThrownBy(() -> store.createIntegration("acme", "  ", AuthType.BASIC, Scopes.ALL))
                .hasMessage("the integration name must have 1 to 100 characters");
        assertThatThrownBy(() -> store.createIntegration("acme", "Pro\u0007duction", AuthType.BASIC, Scopes.ALL))
                .hasMessageContaining("control or invisible characters");
        assertThatThrownBy(() -> store.createClient("acme", "reporting", List.of("users:admin")))
                .hasMessage("unknown scope 'users:admin'; the scopes are users:read, users:write, users:delete,"
                        + " groups:read, groups:write, groups:delete");
        assertThatThrownBy(() -> store.createClient("acme", "reporting", List.of()))
                .hasMessageStartingWith("give at least one scope");
        assertThat(store.integrations(null)).isEmpty();
        assertThat(store.clients(null)).isEmpty();
    }

    @Test
    void deletingAnIntegrationForgetsItsCredentials() {
        AccountStore store = open();
        IssuedIntegration issued = store.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        store.createIntegration("acme", "Staging", AuthType.BASIC, Scopes.ALL);

        assertThat(store.deleteIntegration("acme", "PRODUCTION")).isTrue();
        assertThat(store.findBasic(issued.userName())).isEmpty();
        assertThat(store.integrations(null)).extracting(Integration::name).containsExactly("Staging");
        assertThat(store.deleteIntegration("acme", "Production")).isFalse();
        assertThat(store.deleteIntegration("globex", "Staging")).isFalse();
        assertThat(open().integrations(null)).extracting(Integration::name).containsExactly("Staging");
    }

    @Test
    void deletingAClientForgetsItAndItsTokens() {
        AccountStore store = open();
        IssuedClient issued = store.createClient("acme", "reporting", Scopes.ALL);
        StoredToken token = token(issued.client(), "token-1", clock.instant().plus(Duration.ofHours(1)));
        assertThat(store.addToken(token, clock.instant(), 10)).isTrue();

        assertThat(store.deleteClient("acme", "REPORTING")).isTrue();
        assertThat(store.findClient(issued.client().clientId())).isEmpty();
        assertThat(store.findToken("token-1")).isEmpty();
        assertThat(store.deleteClient("acme", "reporting")).isFalse();
        assertThat(store.addToken(token(issued.client(), "token-2", clock.instant().plus(Duration.ofHours(1))),
                clock.instant(), 10)).as("a token of a deleted client").isFalse();
        assertThat(store.findToken("token-2")).isEmpty();
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        AccountStore store = open();
        store.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        clock.advance(Duration.ofMinutes(5).plusNanos(1_234_567));
        store.createIntegration("acme", "Staging", AuthType.BEARER, List.of("users:read", "groups:read"));
        store.createClient("globex", "reporting", List.of("groups:read", "users:read"));

        AccountStore reopened = open();

        assertThat(reopened.integrations(null)).isEqualTo(store.integrations(null)).hasSize(2);
        assertThat(reopened.clients(null)).isEqualTo(store.clients(null)).hasSize(1);
        assertThat(reopened.clients(null).get(0).scopes()).containsExactly("users:read", "groups:read");
        // Kept to the millisecond.
        assertThat(reopened.integrations("acme").get(1).created())
                .isEqualTo(Instant.parse("2026-01-01T00:05:00.001Z"));
    }

    @Test
    void aTokenIsFoundWithItsClientAndAClientKeepsOnlyItsNewestLiveTokens() {
        AccountStore store = open();
        ApiClient client = store.createClient("acme", "reporting", List.of("users:read")).client();
        Instant now = clock.instant();
        for (int i = 0; i < 5; i++) {
            assertThat(store.addToken(token(client, "t" + i, now.plus(Duration.ofMinutes(10 + i))), now, 3))
                    .isTrue();
        }
        assertThat(store.findToken("t0")).isEmpty();
        assertThat(store.findToken("t1")).isEmpty();
        StoredToken found = open().findToken("t4").orElseThrow();
        assertThat(found.client()).isEqualTo(client);
        assertThat(found.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(14)));

        // Expired tokens go with the next token the client gets.
        Instant later = now.plus(Duration.ofMinutes(13));
        assertThat(store.addToken(token(client, "t5", later.plus(Duration.ofMinutes(10))), later, 3)).isTrue();
        assertThat(store.findToken("t2")).isEmpty();
        assertThat(store.findToken("t3")).isEmpty();
        assertThat(store.findToken("t4")).isPresent();
        assertThat(store.deleteToken("t4")).isTrue();
        assertThat(store.deleteToken("t4")).isFalse();
        assertThat(store.deleteTokensOf(client.clientId())).isEqualTo(1);
        assertThat(store.findToken("t5")).isEmpty();
    }

    @Test
    void tokensIssuedAtOnceFromManyThreadsAndProcessesAreAllKept() throws Exception {
        AccountStore first = open();
        ApiClient client = first.createClient("acme", "reporting", List.of("users:read")).client();
        AccountStore second = open();
        int[] next = {0};
        List<List<String>> issued = concurrently(8, () -> {
            int thread;
            synchronized (next) {
                thread = next[0]++;
            }
            AccountStore store = thread % 2 == 0 ? first : second;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String id = "token-" + thread + "-" + i;
                assertThat(store.addToken(token(client, id, clock.instant().plus(Duration.ofHours(1))),
                        clock.instant(), 1_000)).isTrue();
                ids.add(id);
            }
            return ids;
        });
        AccountStore reader = open();
        assertThat(issued.stream().flatMap(List::stream)).hasSize(200)
                .allSatisfy(id -> assertThat(reader.findToken(id)).as(id).isPresent());
    }

    @Test
    void aStoreSeesChangesAnotherProcessMade() {
        AccountStore server = open();
        assertThat(server.integrations(null)).isEmpty();

        // The command line, in another process, opens the same database.
        IssuedIntegration created = open().createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        assertThat(server.findBasic(created.userName())).contains(created.integration());

        open().deleteIntegration("acme", "Production");
        assertThat(server.findBasic(created.userName())).isEmpty();
    }

    @Test
    void changesFromTwoStoresOnOneDatabaseAreBothKept() {
        AccountStore first = open();
        AccountStore second = open();
        first.createIntegration("acme", "One", AuthType.BASIC, Scopes.ALL);
        second.createIntegration("acme", "Two", AuthType.BASIC, Scopes.ALL);
        assertThat(open().integrations(null)).extracting(Integration::name).containsExactly("One", "Two");
    }

    @Test
    void ensureBearerCreatesThenChangesNothingThenReplaces() {
        AccountStore store = open();
        assertThat(store.ensureBearer("default", "bootstrap", "first-token-value", Scopes.ALL))
                .isEqualTo(AccountStore.Ensured.CREATED);
        Integration first = store.integrations("default").get(0);

        clock.advance(Duration.ofHours(1));
        assertThat(open().ensureBearer("default", "bootstrap", "first-token-value", Scopes.ALL))
                .isEqualTo(AccountStore.Ensured.UNCHANGED);
        assertThat(store.integrations("default")).containsExactly(first);

        assertThat(open().ensureBearer("default", "bootstrap", "second-token-value", Scopes.ALL))
                .isEqualTo(AccountStore.Ensured.REPLACED);
        assertThat(store.findBearer(BearerTokens.split("first-token-value").id())).isEmpty();
        Integration replaced = store.findBearer(BearerTokens.split("second-token-value").id()).orElseThrow();
        assertThat(replaced.secret().matches("second-token-value")).isTrue();
        assertThat(replaced.created()).isEqualTo(clock.instant());
        assertThat(store.integrations("default")).hasSize(1);
    }

    @Test
    void ensureBearerReplacesWhenTheScopesDiffer() {
        AccountStore store = open();
        store.ensureBearer("default", "bootstrap", "a-token-value", List.of("users:read"));
        assertThat(store.ensureBearer("default", "bootstrap", "a-token-value", Scopes.ALL))
                .isEqualTo(AccountStore.Ensured.REPLACED);
        assertThat(store.integrations("default").get(0).scopes()).isEqualTo(Scopes.ALL);
    }

    @Test
    void ensureBearerRefusesATokenWhoseIdAnotherCredentialHas() {
        AccountStore store = open();
        IssuedIntegration other = store.createIntegration("acme", "Staging", AuthType.BEARER, Scopes.ALL);
        IssuedClient client = store.createClient("acme", "reporting", Scopes.ALL);
        assertThatThrownBy(() -> store.ensureBearer("default", "bootstrap",
                other.integration().credentialId() + ".another-secret", Scopes.ALL))
                .isInstanceOf(AccountException.class)
                .hasMessage("the credential id is already used by integration acme/Staging; use another token");
        assertThatThrownBy(() -> store.ensureBearer("default", "bootstrap",
                client.client().clientId() + ".another-secret", Scopes.ALL))
                .hasMessage("the credential id is already used by API client acme/reporting; use another token");
        assertThat(store.integrations("default")).isEmpty();
        assertThat(store.findBearer(other.integration().credentialId())).contains(other.integration());
    }

    @Test
    void serversStartingAtOnceWithOneBootstrapTokenCreateItOnce() throws Exception {
        List<AccountStore> servers = List.of(open(), open(), open());
        int[] next = {0};
        List<AccountStore.Ensured> outcomes = concurrently(6, () -> {
            AccountStore store;
            synchronized (next) {
                store = servers.get(next[0]++ % servers.size());
            }
            return store.ensureBearer("default", "bootstrap", "a-shared-bootstrap-token", Scopes.ALL);
        });
        assertThat(outcomes).filteredOn(AccountStore.Ensured.CREATED::equals).hasSize(1);
        assertThat(outcomes).filteredOn(AccountStore.Ensured.UNCHANGED::equals).hasSize(5);
        assertThat(open().integrations("default")).hasSize(1);
    }

    private static StoredToken token(ApiClient client, String id, Instant expiresAt) {
        return new StoredToken(id, SecretHash.of("secret-of-" + id), expiresAt, client);
    }
}
