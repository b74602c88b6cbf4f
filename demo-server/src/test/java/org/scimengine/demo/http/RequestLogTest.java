package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scimengine.demo.account.AuthType;
import org.scimengine.demo.account.IssuedIntegration;
import org.scimengine.jaxrs.testing.Http;

/**
 * One line per request, from the log the demo writes (slf4j-simple, to standard error, at info for the request
 * log as in serve): method, path, status and milliseconds, and nothing of the credentials, the query or the body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLogTest {

    private final RunningDemo running = new RunningDemo(1_000, 1_000, Map.of());

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void everyRequestLogsMethodPathStatusAndTimeButNoSecret() {
        IssuedIntegration integration = running.integration("acme", "Logged", AuthType.BEARER);
        String token = integration.bearerToken();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            running.bearer(integration).get("Users?filter=" + Http.encode("userName eq \"secret.name@example.com\""));
            running.bearer(integration).post("Users", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + " \"userName\": \"not-an-email\", \"password\": \"hunter2-password\"}");
            running.anonymous().get("Groups");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).containsPattern("RequestLog - GET /scim/v2/Users 200 \\d+ ms")
                .containsPattern("RequestLog - POST /scim/v2/Users 400 \\d+ ms")
                .containsPattern("RequestLog - GET /scim/v2/Groups 401 \\d+ ms")
                .doesNotContain(token).doesNotContain(token.substring(token.indexOf('.') + 1))
                .doesNotContain("secret.name").doesNotContain("hunter2").doesNotContain("Authorization");
    }
}
