package org.scimengine.demo.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.scimengine.store.jdbc.JdbcDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts' integrations, API clients and OAuth tokens, in tables of their own in the database that holds the
 * users and groups. Thread-safe, and several processes may share the database: the command line changes it while a
 * server runs, and servers on one PostgreSQL database share every credential and token.
 *
 * <p>The tables ({@code demo_credential}, {@code demo_token}, each row carrying its account) are created and evolved
 * by the versioned scripts under {@value #MIGRATIONS}, with their own history table, {@value #HISTORY_TABLE}, beside
 * the resource store's. Secrets are kept only as salted hashes ({@link SecretHash}).
 *
 * <p>Nothing is cached: every lookup is one query by primary key, so a credential deleted by the command line stops
 * working at the next request, and one created is usable at once. Names and credential ids are unique by the
 * database's constraints, which hold across processes. Every change is one short transaction whose first statement
 * writes: SQLite then takes its write lock at once, waiting up to its {@code busy_timeout} for another writer,
 * instead of failing on a read snapshot that another writer made stale.
 */
public final class AccountStore {

    /** Where the scripts are, per database. */
    static final String MIGRATIONS = "classpath:org/scimengine/demo/migration/";
    /** Flyway's history of the demo's scripts; the resource store keeps its own. */
    static final String HISTORY_TABLE = "demo_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);
    private static final String INTEGRATION = "integration";
    private static final String CLIENT = "client";
    private static final String CREDENTIAL_COLUMNS = "id, account, kind, auth, name, salt, sha256, scopes, created";
    private static final String INSERT_CREDENTIAL = "INSERT INTO demo_credential (id, account, kind, auth, name,"
            + " name_key, salt, sha256, scopes, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** SQLite's SQLITE_CONSTRAINT, the primary result code of a unique violation (and of other constraints). */
    private static final int SQLITE_CONSTRAINT = 19;

    private final DataSource dataSource;
    private final Clock clock;

    private AccountStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Opens the store on a database, first creating or evolving its tables.
     *
     * @param dataSource the resource store's ({@code JdbcResourceStore.dataSource()}); for SQLite its connections
     *     must have a {@code busy_timeout}
     * @throws org.flywaydb.core.api.FlywayException if the tables cannot be created or evolved
     */
    public static AccountStore open(DataSource dataSource, JdbcDialect dialect, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(clock, "clock");
        Flyway.configure(AccountStore.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS + (dialect == JdbcDialect.POSTGRESQL ? "postgresql" : "sqlite"))
                .table(HISTORY_TABLE)
                // The resource store's tables are there already: start the history below version 1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new AccountStore(dataSource, clock);
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** The integrations of an account, or of every account when null, by account and name. */
    public List<Integration> integrations(@Nullable String account) {
        List<Integration> found = read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + CREDENTIAL_COLUMNS
                    + " FROM demo_credential WHERE kind = '" + INTEGRATION + "'"
                    + (account == null ? "" : " AND account = ?"))) {
                if (account != null) {
                    select.setString(1, account);
                }
                List<Integration> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(integration(result));
                    }
                }
                return rows;
            }
        });
        // Sorted here rather than by the database, whose collation may differ from one server to another.
        return found.stream().sorted(Comparator.comparing(Integration::account)
                .thenComparing(i -> i.name().toLowerCase(Locale.ROOT))).toList();
    }

    /** The API clients of an account, or of every account when null, by account and name. */
    public List<ApiClient> clients(@Nullable String account) {
        List<ApiClient> found = read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + CREDENTIAL_COLUMNS
                    + " FROM demo_credential WHERE kind = '" + CLIENT + "'"
                    + (account == null ? "" : " AND account = ?"))) {
                if (account != null) {
                    select.setString(1, account);
                }
                List<ApiClient> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(client(result));
                    }
                }
                return rows;
            }
        });
        return found.stream().sorted(Comparator.comparing(ApiClient::account)
                .thenComparing(c -> c.name().toLowerCase(Locale.ROOT))).toList();
    }

    /** The Basic integration with that user name, matched exactly. */
    public Optional<Integration> findBasic(String userName) {
        return findIntegration(Objects.requireNonNull(userName, "userName"), AuthType.BASIC);
    }

    /** The Bearer integration with that token id ({@link BearerTokens#split}), matched exactly. */
    public Optional<Integration> findBearer(String tokenId) {
        return findIntegration(Objects.requireNonNull(tokenId, "tokenId"), AuthType.BEARER);
    }

    /** The API client with that client id, matched exactly. */
    public Optional<ApiClient> findClient(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + CREDENTIAL_COLUMNS
                    + " FROM demo_credential WHERE id = ? AND kind = '" + CLIENT + "'")) {
                select.setString(1, clientId);
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? Optional.of(client(result)) : Optional.empty();
                }
            }
        });
    }

    private Optional<Integration> findIntegration(String id, AuthType auth) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + CREDENTIAL_COLUMNS
                    + " FROM demo_credential WHERE id = ? AND kind = '" + INTEGRATION + "' AND auth = ?")) {
                select.setString(1, id);
                select.setString(2, auth.wire());
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? Optional.of(integration(result)) : Optional.empty();
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ changes

    /**
     * Creates an integration with generated credentials: for Basic a user name and a password, for Bearer a
     * token.
     *
     * @param scopes what it may do; {@link Scopes#ALL} for an integration an identity provider uses
     * @return the integration with its secret, which is not kept and cannot be shown again
     * @throws AccountException if the account already has an integration of that name, ignoring case, or a
     *     name or scope is invalid
     */
    public IssuedIntegration createIntegration(String account, String name, AuthType auth, List<String> scopes) {
        String accountName = Names.account(account);
        String integrationName = Names.name(name, INTEGRATION);
        List<String> granted = Scopes.normalise(scopes);
        String secret = Secrets.newSecret();
        Integration integration = new Integration(accountName, integrationName, auth, Secrets.newId(),
                SecretHash.of(secret), granted, now());
        try {
            transaction(connection -> insert(connection, integration));
        } catch (SQLException e) {
            throw refused(e, accountName, INTEGRATION, integrationName, integration.credentialId());
        }
        LOG.debug("Created {} integration {}", auth.wire(), integration.displayName());
        return new IssuedIntegration(integration, secret);
    }

    /**
     * Deletes an integration; its credentials stop working at once.
     *
     * @return whether there was one of that name (ignoring case) in the account
     */
    public boolean deleteIntegration(String account, String name) {
        boolean found = change(connection -> deleteByName(connection, account, INTEGRATION, name) > 0);
        if (found) {
            LOG.debug("Deleted integration {}/{}", account, name.strip());
        }
        return found;
    }

    /**
     * Creates an API client for the client-credentials grant, with a generated client id and secret.
     *
     * @return the client with its secret, which is not kept and cannot be shown again
     * @throws AccountException if the account already has a client of that name, ignoring case, or a name or
     *     scope is invalid
     */
    public IssuedClient createClient(String account, String name, List<String> scopes) {
        String accountName = Names.account(account);
        String clientName = Names.name(name, CLIENT);
        List<String> granted = Scopes.normalise(scopes);
        String secret = Secrets.newSecret();
        ApiClient client = new ApiClient(accountName, clientName, Secrets.newId(), SecretHash.of(secret), granted,
                now());
        try {
            transaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_CREDENTIAL)) {
                    bindCredential(insert, client.clientId(), accountName, CLIENT, null, clientName, client.secret(),
                            granted, client.created());
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw refused(e, accountName, CLIENT, clientName, client.clientId());
        }
        LOG.debug("Created API client {} ({})", client.displayName(), client.clientId());
        return new IssuedClient(client, secret);
    }

    /**
     * Deletes an API client and the tokens issued to it, which stop working at once.
     *
     * @return whether there was one of that name (ignoring case) in the account
     */
    public boolean deleteClient(String account, String name) {
        boolean found = change(connection -> {
            try (PreparedStatement tokens = connection.prepareStatement("DELETE FROM demo_token WHERE client_id IN"
                    + " (SELECT id FROM demo_credential WHERE account = ? AND kind = '" + CLIENT
                    + "' AND name_key = ?)")) {
                tokens.setString(1, account);
                tokens.setString(2, nameKey(name));
                tokens.executeUpdate();
            }
            return deleteByName(connection, account, CLIENT, name) > 0;
        });
        if (found) {
            LOG.debug("Deleted API client {}/{}", account, name.strip());
        }
        return found;
    }

    /** What {@link #ensureBearer} did. */
    public enum Ensured {
        /** There was no such integration; it was created. */
        CREATED,
        /** The integration had that token and those scopes already; nothing was written. */
        UNCHANGED,
        /** The integration had another token or other scopes; it was replaced. */
        REPLACED
    }

    /**
     * Makes sure the account has a Bearer integration of that name accepting exactly that token with those scopes,
     * writing only when something must change: repeating the call changes nothing, also when several servers on
     * one database make it at once.
     *
     * @param token the whole token, in any form {@link BearerTokens#split} takes
     * @throws AccountException if another integration or client already uses the token's id, or a name or scope
     *     is invalid
     */
    public Ensured ensureBearer(String account, String name, String token, List<String> scopes) {
        String accountName = Names.account(account);
        String integrationName = Names.name(name, INTEGRATION);
        List<String> granted = Scopes.normalise(scopes);
        BearerTokens.Parts parts = BearerTokens.split(token);
        if (integrationNamed(accountName, integrationName).filter(i -> accepts(i, parts, granted)).isPresent()) {
            return Ensured.UNCHANGED;
        }
        Integration wanted = new Integration(accountName, integrationName, AuthType.BEARER, parts.id(),
                SecretHash.of(parts.secret()), granted, now());
        try {
            return transaction(connection -> {
                // First a write, as every change starts: whatever of that name could not be the wanted one.
                int replaced;
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM demo_credential WHERE"
                        + " account = ? AND kind = '" + INTEGRATION + "' AND name_key = ?"
                        + " AND NOT (auth = 'bearer' AND id = ? AND scopes = ?)")) {
                    delete.setString(1, accountName);
                    delete.setString(2, nameKey(integrationName));
                    delete.setString(3, parts.id());
                    delete.setString(4, String.join(" ", granted));
                    replaced = delete.executeUpdate();
                }
                Optional<Integration> left = integrationNamed(connection, accountName, integrationName);
                if (left.isPresent() && left.get().secret().matches(parts.secret())) {
                    return Ensured.UNCHANGED; // another process made it since the read above
                }
                if (left.isPresent()) {
                    replaced += deleteByName(connection, accountName, INTEGRATION, integrationName);
                }
                insert(connection, wanted);
                return replaced > 0 ? Ensured.REPLACED : Ensured.CREATED;
            });
        } catch (SQLException e) {
            // Another server on the database may have just done the same.
            if (isUniqueViolation(e) && integrationNamed(accountName, integrationName)
                    .filter(i -> accepts(i, parts, granted)).isPresent()) {
                return Ensured.UNCHANGED;
            }
            throw refused(e, accountName, INTEGRATION, integrationName, parts.id());
        }
    }

    private static boolean accepts(Integration integration, BearerTokens.Parts parts, List<String> scopes) {
        return integration.auth() == AuthType.BEARER && integration.credentialId().equals(parts.id())
                && integration.scopes().equals(scopes) && integration.secret().matches(parts.secret());
    }

    // ------------------------------------------------------------------------------------------------ tokens

    /**
     * Keeps a token issued to an API client, and forgets the client's expired tokens and all but its newest
     * {@code keepAtMost}.
     *
     * @param now the time tokens expire by
     * @return false, keeping nothing, if the client was deleted meanwhile
     */
    public boolean addToken(StoredToken token, Instant now, int keepAtMost) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(now, "now");
        return change(connection -> {
            int added;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO demo_token (id, account,"
                    + " client_id, salt, sha256, expires) SELECT ?, account, id, ?, ?, ? FROM demo_credential"
                    + " WHERE id = ? AND kind = '" + CLIENT + "'")) {
                insert.setString(1, token.id());
                insert.setString(2, token.secret().salt());
                insert.setString(3, token.secret().sha256());
                insert.setLong(4, token.expiresAt().toEpochMilli());
                insert.setString(5, token.client().clientId());
                added = insert.executeUpdate();
            }
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM demo_token WHERE client_id = ?"
                    + " AND (expires <= ? OR id NOT IN (SELECT id FROM demo_token WHERE client_id = ?"
                    + " ORDER BY expires DESC, id DESC LIMIT ?))")) {
                forget.setString(1, token.client().clientId());
                forget.setLong(2, now.toEpochMilli());
                forget.setString(3, token.client().clientId());
                forget.setInt(4, keepAtMost);
                forget.executeUpdate();
            }
            return added > 0;
        });
    }

    /** The token with that id, with the API client it was issued to; none if the client was deleted. */
    public Optional<StoredToken> findToken(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT t.salt AS token_salt,"
                    + " t.sha256 AS token_sha256, t.expires, c.id, c.account, c.kind, c.auth, c.name, c.salt,"
                    + " c.sha256, c.scopes, c.created FROM demo_token t JOIN demo_credential c"
                    + " ON c.id = t.client_id AND c.account = t.account WHERE t.id = ?")) {
                select.setString(1, tokenId);
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredToken(tokenId, new SecretHash(result.getString("token_salt"),
                            result.getString("token_sha256")), Instant.ofEpochMilli(result.getLong("expires")),
                            client(result)));
                }
            }
        });
    }

    /**
     * Forgets a token.
     *
     * @return whether there was one with that id
     */
    public boolean deleteToken(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        return change(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM demo_token WHERE id = ?")) {
                delete.setString(1, tokenId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /**
     * Forgets every token of an API client.
     *
     * @return how many there were
     */
    public int deleteTokensOf(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return change(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM demo_token WHERE client_id = ?")) {
                delete.setString(1, clientId);
                return delete.executeUpdate();
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ internals

    /** SQL run on one connection; may throw what the driver throws. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads, each statement on its own: no transaction to hold. */
    private <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** A change no constraint can refuse. */
    private <T> T change(Work<T> work) {
        try {
            return transaction(work);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Runs work in one transaction, committed before this returns and rolled back if the work throws. */
    private <T> T transaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static int insert(Connection connection, Integration integration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CREDENTIAL)) {
            bindCredential(insert, integration.credentialId(), integration.account(), INTEGRATION,
                    integration.auth().wire(), integration.name(), integration.secret(), integration.scopes(),
                    integration.created());
            return insert.executeUpdate();
        }
    }

    private static void bindCredential(PreparedStatement insert, String id, String account, String kind,
            @Nullable String auth, String name, SecretHash secret, List<String> scopes, Instant created)
            throws SQLException {
        insert.setString(1, id);
        insert.setString(2, account);
        insert.setString(3, kind);
        insert.setString(4, auth);
        insert.setString(5, name);
        insert.setString(6, nameKey(name));
        insert.setString(7, secret.salt());
        insert.setString(8, secret.sha256());
        insert.setString(9, String.join(" ", scopes));
        insert.setLong(10, created.toEpochMilli());
    }

    private static int deleteByName(Connection connection, String account, String kind, String name)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM demo_credential WHERE account = ? AND kind = ? AND name_key = ?")) {
            delete.setString(1, account);
            delete.setString(2, kind);
            delete.setString(3, nameKey(name));
            return delete.executeUpdate();
        }
    }

    private Optional<Integration> integrationNamed(String account, String name) {
        return read(connection -> integrationNamed(connection, account, name));
    }

    private static Optional<Integration> integrationNamed(Connection connection, String account, String name)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + CREDENTIAL_COLUMNS
                + " FROM demo_credential WHERE account = ? AND kind = '" + INTEGRATION + "' AND name_key = ?")) {
            select.setString(1, account);
            select.setString(2, nameKey(name));
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(integration(result)) : Optional.empty();
            }
        }
    }

    /**
     * Why the database refused a new credential: its name is taken in the account, or (only ever for a given
     * bootstrap token, since generated ids are random) its id is another credential's.
     */
    private AccountException refused(SQLException e, String account, String kind, String name, String id) {
        if (!isUniqueViolation(e)) {
            return failed(e);
        }
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name FROM demo_credential WHERE account = ? AND kind = ? AND name_key = ?")) {
                select.setString(1, account);
                select.setString(2, kind);
                select.setString(3, nameKey(name));
                try (ResultSet result = select.executeQuery()) {
                    if (result.next()) {
                        return new AccountException("account " + account + " already has "
                                + (kind.equals(CLIENT) ? "an API client" : "an integration") + " named '"
                                + result.getString("name") + "'; delete it first or choose another name");
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT account, kind, name FROM demo_credential WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet result = select.executeQuery()) {
                    if (result.next()) {
                        return new AccountException("the credential id is already used by "
                                + (result.getString("kind").equals(CLIENT) ? "API client " : "integration ")
                                + result.getString("account") + "/" + result.getString("name")
                                + "; use another token");
                    }
                }
            }
            return new AccountException(kind + " " + account + "/" + name + " was changed by another process at"
                    + " the same time; try again");
        });
    }

    private static boolean isUniqueViolation(SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT && message.contains("UNIQUE constraint failed");
    }

    /** A database failure, in the driver's words: never a secret, since secrets reach SQL only as hashes. */
    private static AccountException failed(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return new AccountException("the integrations' database failed: "
                + message.lines().findFirst().orElse(message).strip(), e);
    }

    private Instant now() {
        // Kept to the millisecond, as the database keeps it, so what is returned is what reads back.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> scopes(String column) {
        return List.of(column.split(" "));
    }

    private static Integration integration(ResultSet row) throws SQLException {
        return new Integration(row.getString("account"), row.getString("name"),
                AuthType.fromWire(row.getString("auth")), row.getString("id"),
                new SecretHash(row.getString("salt"), row.getString("sha256")), scopes(row.getString("scopes")),
                Instant.ofEpochMilli(row.getLong("created")));
    }

    private static ApiClient client(ResultSet row) throws SQLException {
        return new ApiClient(row.getString("account"), row.getString("name"), row.getString("id"),
                new SecretHash(row.getString("salt"), row.getString("sha256")), scopes(row.getString("scopes")),
                Instant.ofEpochMilli(row.getLong("created")));
    }
}
