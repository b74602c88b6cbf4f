package org.scimengine.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The credential store's promises: hashes only, salted, verified exactly; well-formed ids and tokens. */
class CredentialsTest {

    private static final ScimPrincipal PRINCIPAL = new ScimPrincipal("okta", "acme", Set.of("users:read"));

    @Test
    void aHashedCredentialVerifiesItsSecretOnly() {
        HashedCredential credential = HashedCredential.of("okta", "s3cret", PRINCIPAL);

        assertThat(credential.verify("s3cret")).isTrue();
        assertThat(credential.verify("s3cret ")).isFalse();
        assertThat(credential.verify("S3cret")).isFalse();
        assertThat(credential.verify("")).isFalse();
        assertThat(credential.hash()).doesNotContain("s3cret");
        assertThat(Base64.getDecoder().decode(credential.hash())).hasSize(32);
        assertThat(Base64.getDecoder().decode(credential.salt())).hasSize(16);
    }

    @Test
    void equalSecretsHaveDifferentSaltsAndHashes() {
        HashedCredential one = HashedCredential.of("a", "same", PRINCIPAL);
        HashedCredential two = HashedCredential.of("a", "same", PRINCIPAL);

        assertThat(one.salt()).isNotEqualTo(two.salt());
        assertThat(one.hash()).isNotEqualTo(two.hash());
    }

    @Test
    void aStoredCredentialVerifiesAfterARoundTripThroughItsFields() {
        HashedCredential original = HashedCredential.of("id", "secret", PRINCIPAL);
        HashedCredential reloaded = new HashedCredential(original.id(), original.salt(), original.hash(),
                original.principal());

        assertThat(reloaded.verify("secret")).isTrue();
        assertThatThrownBy(() -> new HashedCredential("id", original.salt(), "bm90IGEgaGFzaA==", PRINCIPAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> new HashedCredential("", original.salt(), original.hash(), PRINCIPAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedSecretsAreLongRandomAndUrlSafe() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = HashedCredential.newSecret();
            assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
    }

    @Test
    void theInMemoryStoreKeepsHashesAndFindsByIdOrUserName() {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        String token = store.issueBearerToken(PRINCIPAL);
        String tokenId = token.substring(0, token.indexOf('.'));
        String secret = token.substring(token.indexOf('.') + 1);
        String password = store.issueBasicPassword("okta", PRINCIPAL);

        assertThat(store.findBearer(tokenId)).hasValueSatisfying(found -> {
            assertThat(found.verify(secret)).isTrue();
            assertThat(found.hash()).isNotEqualTo(secret);
            assertThat(found.principal()).isEqualTo(PRINCIPAL);
        });
        assertThat(store.findBasic("okta")).hasValueSatisfying(found -> assertThat(found.verify(password)).isTrue());
        assertThat(store.findBasic("OKTA")).isEmpty();

        assertThat(store.removeBearer(tokenId)).isTrue();
        assertThat(store.findBearer(tokenId)).isEmpty();
        assertThat(store.removeBasic("okta")).isTrue();
        assertThat(store.removeBasic("okta")).isFalse();
    }

    @Test
    void givenTokensAndUserNamesMustHaveTheirForm() {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.addBearer("bootstrap.token-with.dots", PRINCIPAL);
        assertThat(store.findBearer("bootstrap")).hasValueSatisfying(found ->
                assertThat(found.verify("token-with.dots")).isTrue());

        for (String malformed : new String[] {"no-dot", ".secret", "id.", ""}) {
            assertThatThrownBy(() -> store.addBearer(malformed, PRINCIPAL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<id>.<secret>");
        }
        assertThatThrownBy(() -> store.addBasic("a:b", "password", PRINCIPAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.addBasic("", "password", PRINCIPAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void principalsNeedANameAndATenantAndCopyTheirScopes() {
        Set<String> scopes = new HashSet<>(Set.of("users:read"));
        ScimPrincipal principal = new ScimPrincipal("n", "t", scopes);
        scopes.add("users:write");

        assertThat(principal.scopes()).containsExactly("users:read");
        assertThat(principal.getName()).isEqualTo("n");
        assertThatThrownBy(() -> new ScimPrincipal("", "t", Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScimPrincipal("n", "", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scopesAreTheEndpointInLowerCaseAndTheAction() {
        assertThat(ScimAction.READ.scopeFor("/Users")).isEqualTo("users:read");
        assertThat(ScimAction.WRITE.scopeFor("/Groups")).isEqualTo("groups:write");
        assertThat(ScimAction.DELETE.scopeFor("Devices")).isEqualTo("devices:delete");

        ScimAuthorizer scopes = ScimAuthorizer.scopes();
        assertThat(scopes.permits(PRINCIPAL, "/Users", ScimAction.READ)).isTrue();
        assertThat(scopes.permits(PRINCIPAL, "/Users", ScimAction.WRITE)).isFalse();
        assertThat(scopes.permits(PRINCIPAL, "/Groups", ScimAction.READ)).isFalse();
    }
}
