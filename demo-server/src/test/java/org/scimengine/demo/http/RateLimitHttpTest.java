package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scimengine.demo.account.AuthType;
import org.scimengine.demo.account.IssuedIntegration;
import org.scimengine.jaxrs.testing.Http;
import org.scimengine.jaxrs.testing.Http.Reply;

/** A tiny limit, on a clock that stands still unless moved: the fourth request at once is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitHttpTest {

    private final RunningDemo running = new RunningDemo(1, 3, Map.of());

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void aCredentialBeyondItsLimitGets429WithRetryAfter() {
        IssuedIntegration busy = running.integration("acme", "Busy", AuthType.BEARER);
        IssuedIntegration calm = running.integration("acme", "Calm", AuthType.BASIC);
        Http scim = running.bearer(busy);
        for (int i = 0; i < 3; i++) {
            assertThat(scim.get("Users?count=1").status()).isEqualTo(200);
        }

        Reply refused = scim.get("Users?count=1");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).startsWith("application/scim+json");
        assertThat(refused.json().get("schemas").get(0).asText()).isEqualTo(RunningDemo.ERROR);
        assertThat(refused.json().get("status").asText()).isEqualTo("429");
        assertThat(refused.json().get("detail").asText()).contains("Retry-After");

        // Another credential of the same account has its own bucket.
        assertThat(running.basic(calm).get("Users?count=1").status()).isEqualTo(200);
        // Unauthenticated requests are refused before they are counted.
        assertThat(running.anonymous().get("Users").status()).isEqualTo(401);

        running.clock.advance(Duration.ofSeconds(1));
        assertThat(scim.get("Users?count=1").status()).isEqualTo(200);
        assertThat(scim.get("Users?count=1").status()).isEqualTo(429);
    }
}
