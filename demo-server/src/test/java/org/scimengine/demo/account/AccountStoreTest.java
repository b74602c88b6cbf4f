package org.scimengine.demo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.demo.testing.MutableClock;

class AccountStoreTest {

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.atNewYear();

    private AccountStore open() {
        return AccountStore.open(data, clock);
    }

    private String file() throws IOException {
        return Files.readString(data.resolve(AccountStore.FILE_NAME), StandardCharsets.UTF_8);
    }

    @Test
    void aMissingDirectoryIsAnEmptyStoreAndNothingIsCreatedUntilAChange() throws IOException {
        Path missing = data.resolve("not-yet");
        AccountStore store = AccountStore.open(missing, clock);
        assertThat(store.integrations(null)).isEmpty();
        assertThat(store.clients(null)).isEmpty();
        assertThat(Files.exists(missing)).isFalse();

        store.createIntegration("acme", "Production", AuthType.BEARER, Scopes.ALL);
        assertThat(Files.readString(missing.resolve(AccountStore.FILE_NAME))).contains("Production");
    }

    @Test
    void aBasicIntegrationHasAGeneratedUserNameAndPasswordKeptOnlyAsAHash() throws IOException {
        IssuedIntegration issued = open().createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);

        assertThat(issued.userName()).hasSize(22).doesNotContain(":", ".");
        assertThat(issued.password()).hasSize(43);
        assertThat(issued.integration().secret().matches(issued.password())).isTrue();
        assertThat(issued.integration().secret().matches(issued.password() + "x")).isFalse();
        assertThat(issued.integration().created()).isEqualTo(clock.instant());
        assertThat(file()).contains(issued.userName()).doesNotContain(issued.password());
        assertThat(issued.toString()).doesNotContain(issued.password());
        assertThatThrownBy(issued::bearerToken).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBearerIntegrationHasAGeneratedTokenKeptOnlyAsAHash() throws IOException {
        IssuedIntegration issued = open().createIntegration("acme", "Staging", AuthType.BEARER,
                List.of("users:read"));

        BearerTokens.Parts parts = BearerTokens.split(issued.bearerToken());
        assertThat(parts.id()).isEqualTo(issued.integration().credentialId());
        assertThat(issued.integration().secret().matches(parts.secret())).isTrue();
        assertThat(file()).doesNotContain(parts.secret());
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
                .hasMessageContaining("already has an API client named 'reporting'");
        assertThat(store.integrations(null)).extracting(Integration::displayName)
                .containsExactly("acme/Production", "globex/Production");
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
    void deletingAClientForgetsIt() {
        AccountStore store = open();
        IssuedClient issued = store.createClient("acme", "reporting", Scopes.ALL);
        assertThat(store.deleteClient("acme", "reporting")).isTrue();
        assertThat(store.findClient(issued.client().clientId())).isEmpty();
        assertThat(store.deleteClient("acme", "reporting")).isFalse();
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        AccountStore store = open();
        store.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        clock.advance(Duration.ofMinutes(5));
        store.createIntegration("acme", "Staging", AuthType.BEARER, List.of("users:read", "groups:read"));
        store.createClient("globex", "reporting", List.of("groups:read", "users:read"));

        AccountStore reopened = open();

        assertThat(reopened.integrations(null)).isEqualTo(store.integrations(null));
        assertThat(reopened.clients(null)).isEqualTo(store.clients(null));
        assertThat(reopened.clients(null).get(0).scopes()).containsExactly("users:read", "groups:read");
        assertThat(reopened.integrations("acme").get(1).created()).isEqualTo(clock.instant());
    }

    @Test
    void theFileIsReadableTextWithoutSecrets() throws IOException {
        IssuedIntegration basic = open().createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        IssuedClient client = open().createClient("acme", "reporting", Scopes.ALL);

        String content = file();
        assertThat(content).contains("\"format\" : 1", "\"auth\" : \"basic\"",
                "\"created\" : \"2026-01-01T00:00:00Z\"", "\"sha256\"");
        assertThat(content).doesNotContain(basic.password(), client.clientSecret());
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        open().createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        Path file = data.resolve(AccountStore.FILE_NAME);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void aStoreSeesChangesAnotherProcessMadeToTheFile() {
        AccountStore server = open();
        assertThat(server.integrations(null)).isEmpty();

        // The command line, in another process, opens the same directory.
        IssuedIntegration created = open().createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        assertThat(server.findBasic(created.userName())).contains(created.integration());

        open().deleteIntegration("acme", "Production");
        assertThat(server.findBasic(created.userName())).isEmpty();
    }

    @Test
    void changesFromTwoStoresOnOneDirectoryAreBothKept() {
        AccountStore first = open();
        AccountStore second = open();
        first.createIntegration("acme", "One", AuthType.BASIC, Scopes.ALL);
        // second has not read the file since; its change starts from the file, not from its memory.
        second.createIntegration("acme", "Two", AuthType.BASIC, Scopes.ALL);
        assertThat(open().integrations(null)).extracting(Integration::name).containsExactly("One", "Two");
    }

    @Test
    void anUnreadableFileIsRefusedAtOpenWithWhatToDo() throws IOException {
        Files.writeString(data.resolve(AccountStore.FILE_NAME), "{\"format\": 1, \"integrations\": [");
        assertThatThrownBy(this::open).isInstanceOf(AccountException.class)
                .hasMessageContaining(AccountStore.FILE_NAME + " is not a valid integrations file")
                .hasMessageEndingWith("restore it from a backup, or move it away to start with no integrations");
    }

    @Test
    void aFileOfAnotherFormatIsRefused() throws IOException {
        Files.writeString(data.resolve(AccountStore.FILE_NAME),
                "{\"format\": 2, \"integrations\": [], \"clients\": []}");
        assertThatThrownBy(this::open).hasMessageContaining("it has format 2 but this server reads format 1");
    }

    @Test
    void aFileBrokenWhileServingKeepsTheIntegrationsReadBefore() throws IOException {
        AccountStore server = open();
        IssuedIntegration issued = server.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        Files.writeString(data.resolve(AccountStore.FILE_NAME), "not json at all");

        assertThat(server.findBasic(issued.userName())).contains(issued.integration());
        assertThatThrownBy(this::open).isInstanceOf(AccountException.class);
    }

    @Test
    void ensureBearerCreatesThenChangesNothingThenReplaces() throws IOException {
        AccountStore store = open();
        assertThat(store.ensureBearer("default", "bootstrap", "first-token-value", Scopes.ALL))
                .isEqualTo(AccountStore.Ensured.CREATED);
        String written = file();
        Object fileKey = Files.readAttributes(data.resolve(AccountStore.FILE_NAME),
                BasicFileAttributes.class).fileKey();

        clock.advance(Duration.ofHours(1));
        assertThat(open().ensureBearer("default", "bootstrap", "first-token-value", Scopes.ALL))
                .isEqualTo(AccountStore.Ensured.UNCHANGED);
        assertThat(file()).isEqualTo(written);
        assertThat(Files.readAttributes(data.resolve(AccountStore.FILE_NAME),
                BasicFileAttributes.class).fileKey()).isEqualTo(fileKey);

        assertThat(open().ensureBearer("default", "bootstrap", "second-token-value", Scopes.ALL))
                .isEqualTo(AccountStore.Ensured.REPLACED);
        assertThat(store.findBearer(BearerTokens.split("first-token-value").id())).isEmpty();
        Integration replaced = store.findBearer(BearerTokens.split("second-token-value").id()).orElseThrow();
        assertThat(replaced.secret().matches("second-token-value")).isTrue();
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
        assertThatThrownBy(() -> store.ensureBearer("default", "bootstrap",
                other.integration().credentialId() + ".another-secret", Scopes.ALL))
                .isInstanceOf(AccountException.class)
                .hasMessage("the credential id is already used by integration acme/Staging; use another token");
        assertThat(store.integrations("default")).isEmpty();
    }
}
