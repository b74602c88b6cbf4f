package org.scimengine.demo.account;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value #ENVIRONMENT_VARIABLE}: for scripted set-ups (tests, containers), a bearer token known in advance. The
 * server makes sure, at every start, that integration {@value #INTEGRATION} of account {@value #ACCOUNT} accepts
 * that token with every scope: created the first time, left alone when already so, replaced when the variable
 * changed (the previous token then stops working).
 */
public final class Bootstrap {

    /** The environment variable. */
    public static final String ENVIRONMENT_VARIABLE = "SCIM_BOOTSTRAP_TOKEN";
    /** The account the integration belongs to: the tenant the token works on. */
    public static final String ACCOUNT = "default";
    /** The integration's name. */
    public static final String INTEGRATION = "bootstrap";

    /** Below this length a token is accepted with a warning: generated ones have 66 characters. */
    static final int RECOMMENDED_LENGTH = 32;
    /** RFC 6750 §2.1's b64token: what a client can send after {@code Bearer }. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private Bootstrap() {
    }

    /**
     * Applies the environment's {@value #ENVIRONMENT_VARIABLE}, if set and not blank.
     *
     * @return what was done, or empty when the variable is not set
     * @throws AccountException if the token is not one a client could send
     */
    public static Optional<AccountStore.Ensured> fromEnvironment(AccountStore store, Map<String, String> environment) {
        String token = environment.get(ENVIRONMENT_VARIABLE);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ensure(store, token.strip()));
    }

    /**
     * Makes sure the bootstrap integration accepts the token, with every scope.
     *
     * @throws AccountException if the token is not one a client could send
     */
    public static AccountStore.Ensured ensure(AccountStore store, String token) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(token, "token");
        if (!B64TOKEN.matcher(token).matches()) {
            throw new AccountException(ENVIRONMENT_VARIABLE + " must be a token a client can send after 'Bearer ':"
                    + " letters, digits and - . _ ~ + /, optionally ending in =");
        }
        if (token.length() < RECOMMENDED_LENGTH) {
            LOG.warn("{} is only {} characters long; anyone who guesses it has every scope on account {}. Use at"
                    + " least {} random characters outside tests.", ENVIRONMENT_VARIABLE, token.length(), ACCOUNT,
                    RECOMMENDED_LENGTH);
        }
        AccountStore.Ensured outcome = store.ensureBearer(ACCOUNT, INTEGRATION, token, Scopes.ALL);
        LOG.info("{}: integration {}/{} {}", ENVIRONMENT_VARIABLE, ACCOUNT, INTEGRATION, switch (outcome) {
            case CREATED -> "created";
            case UNCHANGED -> "already in place";
            case REPLACED -> "replaced: the previous token no longer works";
        });
        return outcome;
    }
}
