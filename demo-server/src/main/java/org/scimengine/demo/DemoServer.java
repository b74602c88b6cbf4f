package org.scimengine.demo;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.scimengine.core.ScimEngine;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.demo.account.Bootstrap;
import org.scimengine.demo.auth.Authenticator;
import org.scimengine.demo.auth.RateLimiter;
import org.scimengine.demo.auth.TokenService;
import org.scimengine.demo.vendor.VendorEngine;

/**
 * Everything {@code serve} runs, assembled from its options: what the HTTP side serves. Closing it closes the
 * database.
 */
public final class DemoServer implements AutoCloseable {

    /** Seed 002's base path. */
    public static final String BASE_PATH = "/scim/v2";
    /** Where API clients trade their credentials for a token (seed 001's {@code connect/token}). */
    public static final String TOKEN_PATH = "/oauth/token";

    private final ServeOptions options;
    private final Storage storage;
    private final ScimEngine engine;
    private final AccountStore accounts;
    private final TokenService tokens;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Optional<AccountStore.Ensured> bootstrap;

    private DemoServer(ServeOptions options, Storage storage, ScimEngine engine, TokenService tokens,
            RateLimiter rateLimiter, Optional<AccountStore.Ensured> bootstrap) {
        this.options = options;
        this.storage = storage;
        this.engine = engine;
        this.accounts = storage.accounts();
        this.tokens = tokens;
        this.authenticator = new Authenticator(accounts, tokens);
        this.rateLimiter = rateLimiter;
        this.bootstrap = bootstrap;
    }

    /**
     * Opens the database, builds the engine, the accounts and their services, and applies
     * {@code SCIM_BOOTSTRAP_TOKEN}.
     *
     * @param environment the process environment, read for {@value Bootstrap#ENVIRONMENT_VARIABLE}
     * @throws StorageException if the database cannot be opened
     * @throws org.scimengine.demo.account.AccountException if the bootstrap token is unusable
     * @throws IllegalArgumentException if the rate or burst is out of range
     */
    public static DemoServer assemble(ServeOptions options, Map<String, String> environment, Clock clock) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(clock, "clock");
        RateLimiter limiter = new RateLimiter(options.rate(), options.burst(), clock);
        Storage storage = Storage.open(options.db(), clock);
        try {
            ScimEngine engine = VendorEngine.create(storage.resources(), clock);
            Optional<AccountStore.Ensured> bootstrap = Bootstrap.fromEnvironment(storage.accounts(), environment);
            TokenService tokens = new TokenService(storage.accounts(), clock, TokenService.DEFAULT_LIFETIME);
            return new DemoServer(options, storage, engine, tokens, limiter, bootstrap);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    public ServeOptions options() {
        return options;
    }

    /** The database: where users, groups and integrations are. */
    public Storage storage() {
        return storage;
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

    /** Closes the database; call it once the HTTP server has stopped. Idempotent. */
    @Override
    public void close() {
        storage.close();
    }
}
