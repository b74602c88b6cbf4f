package org.scimengine.demo;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.Bootstrap;
import org.scimengine.demo.auth.Authenticator;
import org.scimengine.demo.auth.RateLimiter;
import org.scimengine.demo.auth.TokenService;
import org.scimengine.demo.vendor.VendorEngine;
import org.scimengine.store.memory.InMemoryResourceStore;

/** Everything {@code serve} runs, assembled from its options: what the HTTP side serves. */
public final class DemoServer {

    /** Seed 002's base path. */
    public static final String BASE_PATH = "/scim/v2";
    /** Where API clients trade their credentials for a token (seed 001's {@code connect/token}). */
    public static final String TOKEN_PATH = "/oauth/token";

    private final ServeOptions options;
    private final ScimEngine engine;
    private final AccountStore accounts;
    private final TokenService tokens;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Optional<AccountStore.Ensured> bootstrap;

    private DemoServer(ServeOptions options, ScimEngine engine, AccountStore accounts, TokenService tokens,
            RateLimiter rateLimiter, Optional<AccountStore.Ensured> bootstrap) {
        this.options = options;
        this.engine = engine;
        this.accounts = accounts;
        this.tokens = tokens;
        this.authenticator = new Authenticator(accounts, tokens);
        this.rateLimiter = rateLimiter;
        this.bootstrap = bootstrap;
    }

    /**
     * Builds the store, the engine, the accounts and their services, and applies {@code SCIM_BOOTSTRAP_TOKEN}.
     *
     * @param environment the process environment, read for {@value Bootstrap#ENVIRONMENT_VARIABLE}
     * @throws org.scimengine.demo.account.AccountException if the integrations file or the bootstrap token is
     *     unusable
     */
    public static DemoServer assemble(ServeOptions options, Map<String, String> environment, Clock clock) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(clock, "clock");
        ResourceStore store = InMemoryResourceStore.create(); // the only --db ServeOptions accepts yet
        ScimEngine engine = VendorEngine.create(store, clock);
        AccountStore accounts = AccountStore.open(options.dataDirectory(), clock);
        Optional<AccountStore.Ensured> bootstrap = Bootstrap.fromEnvironment(accounts, environment);
        TokenService tokens = new TokenService(accounts, clock, TokenService.DEFAULT_LIFETIME);
        RateLimiter limiter = new RateLimiter(options.rate(), options.burst(), clock);
        return new DemoServer(options, engine, accounts, tokens, limiter, bootstrap);
    }

    public ServeOptions options() {
        return options;
    }

    public ScimEngine engine() {
        return engine;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public TokenService tokens() {
        return tokens;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** What {@code SCIM_BOOTSTRAP_TOKEN} did, or empty when it was not set. */
    public Optional<AccountStore.Ensured> bootstrap() {
        return bootstrap;
    }
}
