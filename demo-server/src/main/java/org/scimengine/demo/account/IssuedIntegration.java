package org.scimengine.demo.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A just-created integration with its secret, to show once: only its hash is kept.
 *
 * @param integration the integration as kept
 * @param secret the Basic password or the bearer token's secret
 */
public record IssuedIntegration(Integration integration, String secret) {

    public IssuedIntegration {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(secret, "secret");
    }

    /** The Basic user name. */
    public String userName() {
        require(AuthType.BASIC);
        return integration.credentialId();
    }

    /** The Basic password. */
    public String password() {
        require(AuthType.BASIC);
        return secret;
    }

    /**
     * The whole {@code Authorization} header value for Basic: what Okta's app wants as its "API token"
     * (seed 003).
     */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((userName() + ":" + password())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The bearer token, {@code <id>.<secret>}. */
    public String bearerToken() {
        require(AuthType.BEARER);
        return integration.credentialId() + "." + secret;
    }

    private void require(AuthType type) {
        if (integration.auth() != type) {
            throw new IllegalStateException("integration " + integration.displayName() + " uses "
                    + integration.auth().wire() + " authentication, not " + type.wire());
        }
    }

    /** Never the secret, should this reach a log. */
    @Override
    public String toString() {
        return "IssuedIntegration[" + integration.displayName() + ", " + integration.auth().wire() + "]";
    }
}
