package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.demo.cli.Cli;
import org.scimengine.demo.testing.MutableClock;
import org.scimengine.jaxrs.testing.Http;

/** {@code serve} as the jar runs it, with the real launcher and SCIM_BOOTSTRAP_TOKEN, stopped as Ctrl-C does. */
class ServeTest {

    private static final String TOKEN = "scripted-setup-token-0123456789abcdefghijklmnop";

    @TempDir
    Path data;

    @Test
    void theBootstrapTokenWorksEndToEnd() throws Exception {
        Serving serving = Serving.start(Map.of("SCIM_BOOTSTRAP_TOKEN", TOKEN), MutableClock.atNewYear(), "--data",
                data.toString());

        Http scim = serving.bearer(TOKEN);
        Http.Reply created = scim.post("Users", DemoHttpTest.user("boot@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(scim.get("Users").json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(serving.bearer(TOKEN + "x").get("Users").status()).isEqualTo(401);

        assertThat(serving.stop()).isEqualTo(Cli.OK);
        assertThat(serving.out())
                .contains("SCIM_BOOTSTRAP_TOKEN: integration default/bootstrap created",
                        "Serving SCIM at " + serving.server().baseUri(), "Stopped.")
                .doesNotContain(TOKEN);
    }
}
