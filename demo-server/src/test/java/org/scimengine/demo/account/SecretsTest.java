package org.scimengine.demo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void idsCarry128BitsAndSecrets256() {
        assertThat(Base64.getUrlDecoder().decode(Secrets.newId())).hasSize(16);
        assertThat(Base64.getUrlDecoder().decode(Secrets.newSecret())).hasSize(32);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(Secrets.newSecret())).isTrue();
        }
    }

    @Test
    void generatedValuesFitBasicAndBearerAsTheyAre() {
        for (int i = 0; i < 200; i++) {
            assertThat(Secrets.newId()).matches("[A-Za-z0-9_-]{22}");
            assertThat(Secrets.newSecret()).matches("[A-Za-z0-9_-]{43}");
        }
    }

    @Test
    void aHashMatchesOnlyItsSecretAndIsSaltedEachTime() {
        SecretHash first = SecretHash.of("correct horse battery staple");
        SecretHash second = SecretHash.of("correct horse battery staple");
        assertThat(first.matches("correct horse battery staple")).isTrue();
        assertThat(first.matches("correct horse battery stapl")).isFalse();
        assertThat(first.matches("")).isFalse();
        assertThat(first.sha256()).isNotEqualTo(second.sha256());
        assertThat(second.matches("correct horse battery staple")).isTrue();
    }

    @Test
    void aHashIsCheckedWhenRead() {
        assertThatThrownBy(() -> new SecretHash("c2FsdA==", "dG9vIHNob3J0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> new SecretHash("not base64!", "dG9vIHNob3J0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGeneratedTokenSplitsIntoItsIdAndSecret() {
        String token = BearerTokens.generate();
        BearerTokens.Parts parts = BearerTokens.split(token);
        assertThat(parts.id() + "." + parts.secret()).isEqualTo(token);
        assertThat(parts.toString()).doesNotContain(parts.secret());
    }

    @Test
    void aTokenWithoutADotIsAllSecretWithAnIdDerivedFromIt() {
        BearerTokens.Parts parts = BearerTokens.split("opaque-token");
        assertThat(parts.secret()).isEqualTo("opaque-token");
        assertThat(parts.id()).startsWith("~").hasSize(23).isEqualTo(BearerTokens.split("opaque-token").id());
        assertThat(parts.id()).isNotEqualTo(BearerTokens.split("opaque-tokem").id());
        // A dot at either end leaves one part empty: the token is taken whole.
        assertThat(BearerTokens.split(".abc").secret()).isEqualTo(".abc");
        assertThat(BearerTokens.split("abc.").secret()).isEqualTo("abc.");
    }
}
