package org.scimengine.demo.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts' integrations and API clients, kept in {@value #FILE_NAME} in a data directory. Thread-safe.
 *
 * <p>Every change locks the file against other processes (the command line changes it while the server runs),
 * reads it afresh, and replaces it atomically ({@link AtomicFiles}), so a crash leaves the old content or the new,
 * never a part. Reads answer from memory and reload when the file changed on disk, so a running server sees an
 * integration the command line has just created, and no longer accepts one it deleted.
 */
public final class AccountStore {

    /** The file in the data directory. */
    public static final String FILE_NAME = "integrations.json";
    /** The version of the file's layout this code writes and reads. */
    static final int FORMAT = 1;

    private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);
    private static final String LOCK_NAME = FILE_NAME + ".lock";
    private static final ConcurrentMap<Path, Object> DIRECTORY_LOCKS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Path directory;
    private final Path file;
    private final Clock clock;
    /**
     * Serialises this process's changes to the directory, across every store opened on it (a JVM may not take one
     * file lock twice); the file lock serialises them with other processes'.
     */
    private final Object changes;
    private volatile Snapshot snapshot;

    /** The file's content as last read or written, and the file it came from. */
    private record Snapshot(FileStamp stamp, Document document, Map<String, Integration> basic,
            Map<String, Integration> bearer, Map<String, ApiClient> clients) {

        static Snapshot of(FileStamp stamp, Document document) {
            Map<String, Integration> basic = new HashMap<>();
            Map<String, Integration> bearer = new HashMap<>();
            for (Integration integration : document.integrations()) {
                (integration.auth() == AuthType.BASIC ? basic : bearer).put(integration.credentialId(), integration);
            }
            Map<String, ApiClient> clients = new HashMap<>();
            for (ApiClient client : document.clients()) {
                clients.put(client.clientId(), client);
            }
            return new Snapshot(stamp, document, Map.copyOf(basic), Map.copyOf(bearer), Map.copyOf(clients));
        }
    }

    /**
     * The file's layout.
     *
     * @param format {@link #FORMAT}
     * @param integrations every integration, by account and name
     * @param clients every API client, by account and name
     */
    record Document(int format, List<Integration> integrations, List<ApiClient> clients) {
        static final Document EMPTY = new Document(FORMAT, List.of(), List.of());

        Document {
            integrations = List.copyOf(integrations);
            clients = List.copyOf(clients);
        }

        Document withIntegrations(List<Integration> values) {
            return new Document(FORMAT, sortedIntegrations(values), clients);
        }

        Document withClients(List<ApiClient> values) {
            return new Document(FORMAT, integrations, sortedClients(values));
        }
    }

    /**
     * Which file a snapshot was read from: a replaced file has a new identity (inode) even when its time and size
     * look the same, since an atomic replacement is a new file.
     */
    private record FileStamp(@Nullable Object fileKey, @Nullable FileTime modified, long size) {
        static final FileStamp MISSING = new FileStamp(null, null, -1);
    }

    private AccountStore(Path directory, Clock clock) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.clock = clock;
        this.changes = DIRECTORY_LOCKS.computeIfAbsent(directory.toAbsolutePath().normalize(), d -> new Object());
        this.snapshot = load();
    }

    /**
     * Opens the store of a data directory. A missing directory or file is an empty store; both are created with
     * the first change.
     *
     * @throws AccountException if the file exists but cannot be read as an integrations file
     */
    public static AccountStore open(Path directory, Clock clock) {
        return new AccountStore(Objects.requireNonNull(directory, "directory"), Objects.requireNonNull(clock, "clock"));
    }

    /** The file the store keeps. */
    public Path file() {
        return file;
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** The integrations of an account, or of every account when null, by account and name. */
    public List<Integration> integrations(@Nullable String account) {
        return current().document().integrations().stream()
                .filter(i -> account == null || i.account().equals(account)).toList();
    }

    /** The API clients of an account, or of every account when null, by account and name. */
    public List<ApiClient> clients(@Nullable String account) {
        return current().document().clients().stream()
                .filter(c -> account == null || c.account().equals(account)).toList();
    }

    /** The Basic integration with that user name, matched exactly. */
    public Optional<Integration> findBasic(String userName) {
        return Optional.ofNullable(current().basic().get(userName));
    }

    /** The Bearer integration with that token id ({@link BearerTokens#split}), matched exactly. */
    public Optional<Integration> findBearer(String tokenId) {
        return Optional.ofNullable(current().bearer().get(tokenId));
    }

    /** The API client with that client id, matched exactly. */
    public Optional<ApiClient> findClient(String clientId) {
        return Optional.ofNullable(current().clients().get(clientId));
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
        String integrationName = Names.name(name, "integration");
        List<String> granted = Scopes.normalise(scopes);
        String credentialId = Secrets.newId();
        String secret = Secrets.newSecret();
        Integration integration = new Integration(accountName, integrationName, auth, credentialId,
                SecretHash.of(secret), granted, clock.instant());
        change(document -> {
            requireNewIntegration(document, accountName, integrationName);
            requireNewCredentialId(document, credentialId);
            List<Integration> all = new ArrayList<>(document.integrations());
            all.add(integration);
            return document.withIntegrations(all);
        });
        LOG.debug("Created {} integration {}", auth.wire(), integration.displayName());
        return new IssuedIntegration(integration, secret);
    }

    /**
     * Deletes an integration; its credentials stop working at once.
     *
     * @return whether there was one of that name (ignoring case) in the account
     */
    public boolean deleteIntegration(String account, String name) {
        boolean[] found = new boolean[1];
        change(document -> {
            List<Integration> kept = new ArrayList<>();
            for (Integration integration : document.integrations()) {
                if (sameName(integration.account(), integration.name(), account, name)) {
                    found[0] = true;
                } else {
                    kept.add(integration);
                }
            }
            return found[0] ? document.withIntegrations(kept) : null;
        });
        if (found[0]) {
            LOG.debug("Deleted integration {}/{}", account, name.strip());
        }
        return found[0];
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
        String clientName = Names.name(name, "client");
        List<String> granted = Scopes.normalise(scopes);
        String clientId = Secrets.newId();
        String secret = Secrets.newSecret();
        ApiClient client = new ApiClient(accountName, clientName, clientId, SecretHash.of(secret), granted,
                clock.instant());
        change(document -> {
            for (ApiClient existing : document.clients()) {
                if (sameName(existing.account(), existing.name(), accountName, clientName)) {
                    throw new AccountException("account " + accountName + " already has an API client named '"
                            + existing.name() + "'; delete it first or choose another name");
                }
            }
            requireNewCredentialId(document, clientId);
            List<ApiClient> all = new ArrayList<>(document.clients());
            all.add(client);
            return document.withClients(all);
        });
        LOG.debug("Created API client {} ({})", client.displayName(), clientId);
        return new IssuedClient(client, secret);
    }

    /**
     * Deletes an API client; tokens issued to it stop working at once.
     *
     * @return whether there was one of that name (ignoring case) in the account
     */
    public boolean deleteClient(String account, String name) {
        boolean[] found = new boolean[1];
        change(document -> {
            List<ApiClient> kept = new ArrayList<>();
            for (ApiClient client : document.clients()) {
                if (sameName(client.account(), client.name(), account, name)) {
                    found[0] = true;
                } else {
                    kept.add(client);
                }
            }
            return found[0] ? document.withClients(kept) : null;
        });
        if (found[0]) {
            LOG.debug("Deleted API client {}/{}", account, name.strip());
        }
        return found[0];
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
     * writing only when something must change: repeating the call changes nothing.
     *
     * @param token the whole token, in any form {@link BearerTokens#split} takes
     * @throws AccountException if another integration or client already uses the token's id, or a name or scope
     *     is invalid
     */
    public Ensured ensureBearer(String account, String name, String token, List<String> scopes) {
        String accountName = Names.account(account);
        String integrationName = Names.name(name, "integration");
        List<String> granted = Scopes.normalise(scopes);
        BearerTokens.Parts parts = BearerTokens.split(token);
        Ensured[] outcome = new Ensured[1];
        change(document -> {
            Integration existing = null;
            List<Integration> others = new ArrayList<>();
            for (Integration integration : document.integrations()) {
                if (sameName(integration.account(), integration.name(), accountName, integrationName)) {
                    existing = integration;
                } else {
                    others.add(integration);
                }
            }
            if (existing != null && existing.auth() == AuthType.BEARER
                    && existing.credentialId().equals(parts.id()) && existing.scopes().equals(granted)
                    && existing.secret().matches(parts.secret())) {
                outcome[0] = Ensured.UNCHANGED;
                return null;
            }
            Document without = document.withIntegrations(others);
            requireNewCredentialId(without, parts.id());
            others.add(new Integration(accountName, integrationName, AuthType.BEARER, parts.id(),
                    SecretHash.of(parts.secret()), granted, clock.instant()));
            outcome[0] = existing == null ? Ensured.CREATED : Ensured.REPLACED;
            return document.withIntegrations(others);
        });
        return outcome[0];
    }

    // ------------------------------------------------------------------------------------------------ internals

    private static void requireNewIntegration(Document document, String account, String name) {
        for (Integration existing : document.integrations()) {
            if (sameName(existing.account(), existing.name(), account, name)) {
                throw new AccountException("account " + account + " already has an integration named '"
                        + existing.name() + "'; delete it first or choose another name");
            }
        }
    }

    /** Ids find credentials, so no two may share one; random 128-bit ids never do, but a bootstrap token might. */
    private static void requireNewCredentialId(Document document, String id) {
        for (Integration integration : document.integrations()) {
            if (integration.credentialId().equals(id)) {
                throw new AccountException("the credential id is already used by integration "
                        + integration.displayName() + "; use another token");
            }
        }
        for (ApiClient client : document.clients()) {
            if (client.clientId().equals(id)) {
                throw new AccountException("the credential id is already used by API client "
                        + client.displayName() + "; use another token");
            }
        }
    }

    private static boolean sameName(String account, String name, String wantedAccount, String wantedName) {
        return account.equals(wantedAccount) && name.toLowerCase(Locale.ROOT)
                .equals(wantedName.strip().toLowerCase(Locale.ROOT));
    }

    private static List<Integration> sortedIntegrations(List<Integration> values) {
        return values.stream().sorted(Comparator.comparing(Integration::account)
                .thenComparing(i -> i.name().toLowerCase(Locale.ROOT))).toList();
    }

    private static List<ApiClient> sortedClients(List<ApiClient> values) {
        return values.stream().sorted(Comparator.comparing(ApiClient::account)
                .thenComparing(c -> c.name().toLowerCase(Locale.ROOT))).toList();
    }

    /**
     * Applies a change to the file's current content under both locks.
     *
     * @param edit the new content, or null to leave the file as it is
     */
    private void change(Function<Document, @Nullable Document> edit) {
        synchronized (changes) {
            try {
                Files.createDirectories(directory);
                try (FileChannel lock = FileChannel.open(directory.resolve(LOCK_NAME), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    FileLock held = lock.lock();
                    try {
                        Snapshot fresh = load();
                        Document next = edit.apply(fresh.document());
                        if (next == null) {
                            snapshot = fresh;
                            return;
                        }
                        removeStaleTemporaries();
                        AtomicFiles.write(file, JSON.writeValueAsBytes(next));
                        snapshot = Snapshot.of(stamp(), next);
                    } finally {
                        held.release();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Temporary files a crash left behind; called under the file lock, so no writer is using one. */
    private void removeStaleTemporaries() throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory,
                FILE_NAME + ".*" + AtomicFiles.TEMP_SUFFIX)) {
            for (Path path : stale) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The snapshot, reloaded first if the file changed since it was read. */
    private Snapshot current() {
        Snapshot known = snapshot;
        FileStamp now;
        try {
            now = stamp();
        } catch (IOException e) {
            LOG.warn("Cannot check {} for changes, answering from memory: {}", file, e.getMessage());
            return known;
        }
        if (now.equals(known.stamp())) {
            return known;
        }
        synchronized (changes) {
            if (!snapshot.stamp().equals(now)) {
                try {
                    snapshot = load();
                } catch (AccountException | UncheckedIOException e) {
                    // A file edited by hand into something unreadable: keep serving what was last valid, and say
                    // so once per change of the file rather than on every request.
                    LOG.error("{}; keeping the integrations read before", e.getMessage());
                    snapshot = new Snapshot(now, known.document(), known.basic(), known.bearer(), known.clients());
                }
            }
            return snapshot;
        }
    }

    private Snapshot load() {
        try {
            FileStamp stamp = stamp();
            if (stamp.equals(FileStamp.MISSING)) {
                return Snapshot.of(stamp, Document.EMPTY);
            }
            byte[] content = Files.readAllBytes(file);
            return Snapshot.of(stamp, parse(content));
        } catch (NoSuchFileException e) {
            return Snapshot.of(FileStamp.MISSING, Document.EMPTY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Document parse(byte[] content) {
        Document document;
        try {
            document = JSON.readValue(content, Document.class);
        } catch (JsonProcessingException e) {
            // Includes a record's constructor refusing a value (a missing list, a digest of the wrong length).
            // The original message only: the full one may quote the file's content.
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw unreadable(e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (document == null) {
            throw unreadable("it is empty or null");
        }
        if (document.format() != FORMAT) {
            throw unreadable("it has format " + document.format() + " but this server reads format " + FORMAT);
        }
        return document;
    }

    private AccountException unreadable(@Nullable String why) {
        String first = why == null ? "" : why.lines().findFirst().orElse("");
        return new AccountException(file + " is not a valid integrations file (" + first + "); restore it from a"
                + " backup, or move it away to start with no integrations");
    }

    private FileStamp stamp() throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return FileStamp.MISSING;
        }
    }
}
