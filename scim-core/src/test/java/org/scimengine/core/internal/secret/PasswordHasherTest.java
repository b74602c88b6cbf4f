package org.scimengine.core.internal.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void aHashVerifiesItsSecretAndNoOther() {
        String hash = hasher.hash("correct horse");
        assertThat(hash).matches("\\$pbkdf2-sha256\\$i=1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsE", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void aHashRecordsItsIterationsSoOtherSettingsStillVerifyIt() {
        String older = new PasswordHasher(2_000).hash("pw");
        assertThat(hasher.matches("pw", older)).isTrue();
    }

    @Test
    void anythingThatIsNotSuchAHashNeverMatches() {
        assertThat(hasher.matches("pw", "pw")).isFalse();
        assertThat(hasher.matches("pw", "$pbkdf2-sha256$i=x$a$b")).isFalse();
        assertThat(hasher.matches("pw", "$pbkdf2-sha256$i=1000$!!$??")).isFalse();
        assertThat(hasher.matches("pw", "$pbkdf2-sha256$i=0$AAAA$AAAA")).isFalse();
        assertThatThrownBy(() -> new PasswordHasher(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
