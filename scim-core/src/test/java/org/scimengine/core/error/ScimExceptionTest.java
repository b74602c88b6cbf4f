package org.scimengine.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScimExceptionTest {

    @Test
    void keywordsAreRfc7644sSpelledExactly() {
        // RFC 7644 §3.12, Table 9, in the RFC's order, then RFC 9865's.
        assertThat(Arrays.stream(ScimType.values()).map(ScimType::keyword)).containsExactly(
                "invalidFilter", "tooMany", "uniqueness", "mutability", "invalidSyntax", "invalidPath", "noTarget",
                "invalidValue", "invalidVers", "sensitive", "invalidCursor", "expiredCursor", "invalidCount");
        assertThat(ScimType.UNIQUENESS.status()).isEqualTo(409);
        assertThat(ScimType.SENSITIVE.status()).isEqualTo(403);
        assertThat(Arrays.stream(ScimType.values()).filter(t -> t.status() == 400)).hasSize(11);
    }

    @Test
    void keywordsAreLookedUpExactly() {
        assertThat(ScimType.fromKeyword("invalidVers")).contains(ScimType.INVALID_VERS);
        assertThat(ScimType.fromKeyword("invalidVersion")).isEmpty();
        assertThat(ScimType.fromKeyword("INVALIDFILTER")).isEmpty();
    }

    static Stream<Arguments> factories() {
        return Stream.of(
                factory(BadRequestException::invalidFilter, ScimType.INVALID_FILTER),
                factory(BadRequestException::tooMany, ScimType.TOO_MANY),
                factory(BadRequestException::mutability, ScimType.MUTABILITY),
                factory(BadRequestException::invalidSyntax, ScimType.INVALID_SYNTAX),
                factory(BadRequestException::invalidPath, ScimType.INVALID_PATH),
                factory(BadRequestException::noTarget, ScimType.NO_TARGET),
                factory(BadRequestException::invalidValue, ScimType.INVALID_VALUE),
                factory(BadRequestException::invalidVers, ScimType.INVALID_VERS),
                factory(BadRequestException::invalidCursor, ScimType.INVALID_CURSOR),
                factory(BadRequestException::expiredCursor, ScimType.EXPIRED_CURSOR),
                factory(BadRequestException::invalidCount, ScimType.INVALID_COUNT));
    }

    @ParameterizedTest
    @MethodSource("factories")
    void eachFactoryCarriesItsKeywordAndA400(Function<String, BadRequestException> factory, ScimType type) {
        BadRequestException e = factory.apply("what went wrong");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.scimType()).contains(type);
        assertThat(e.detail()).isEqualTo("what went wrong");
    }

    @Test
    void otherErrorsCarryTheirStatus() {
        assertThat(new ResourceNotFoundException("User 1 not found")).satisfies(e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.scimType()).isEmpty();
        });
        assertThat(new ConflictException("taken")).satisfies(e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.scimType()).contains(ScimType.UNIQUENESS);
        });
        assertThat(new PreconditionFailedException("stale").status()).isEqualTo(412);
        assertThat(new NotImplementedException("no /Me").status()).isEqualTo(501);
        IllegalStateException cause = new IllegalStateException("boom");
        assertThat(BadRequestException.invalidSyntax("bad JSON", cause)).hasCause(cause);
    }

    @Test
    void onlyErrorStatusesAreAccepted() {
        assertThatThrownBy(() -> new ScimException(200, null, "fine")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScimException(600, null, "?")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ScimException(429, null, "slow down").status()).isEqualTo(429);
    }

    private static Arguments factory(Function<String, BadRequestException> factory, ScimType type) {
        return Arguments.of(factory, type);
    }
}
