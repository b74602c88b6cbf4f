package org.scimengine.demo.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.BearerTokens;
import org.scimengine.demo.account.Integration;
import org.scimengine.demo.account.SecretHash;
import org.scimengine.demo.account.Secrets;

/**
 * Who the credentials of a request are, without HTTP: a Basic user name and password, or a bearer token from an
 * integration or from {@link TokenService}. Thread-safe. The HTTP layer decodes the {@code Authorization} header,
 * asks here, and answers 401 when the answer is empty.
 */
public final class Authenticator {

    /** Checked when no integration has the id, so an unknown id takes as long as a wrong secret. */
    private static final SecretHash DECOY = SecretHash.of(Secrets.newSecret());

    private final AccountStore accounts;
    private final TokenService tokens;

    public Authenticator(AccountStore accounts, TokenService tokens) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The Basic integration with that user name, if the password is its own. */
    public Optional<Caller> basic(String userName, String password) {
        Optional<Integration> integration = accounts.findBasic(Objects.requireNonNull(userName, "userName"));
        if (integration.isEmpty()) {
            DECOY.matches(password);
            return Optional.empty();
        }
        return verified(integration.get(), password);
    }

    /** The Bearer integration or the API client a token belongs to, if it is valid. */
    public Optional<Caller> bearer(String token) {
        BearerTokens.Parts parts = BearerTokens.split(Objects.requireNonNull(token, "token"));
        Optional<Integration> integration = accounts.findBearer(parts.id());
        if (integration.isPresent()) {
            return verified(integration.get(), parts.secret());
        }
        return tokens.authenticate(token);
    }

    private static Optional<Caller> verified(Integration integration, String secret) {
        if (!integration.secret().matches(secret)) {
            return Optional.empty();
        }
        return Optional.of(new Caller("integration " + integration.displayName(), integration.account(),
                Set.copyOf(integration.scopes()), "integration:" + integration.credentialId()));
    }
}
