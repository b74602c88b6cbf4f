package org.scimengine.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.scimengine.core.spi.ResourceStore;
import org.scimengine.demo.account.AccountStore;
import org.scimengine.store.jdbc.JdbcResourceStore;
import org.scimengine.store.memory.InMemoryResourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database {@code --db} names, open: the users and groups, and in the same database the integrations, API
 * clients and OAuth tokens. Every command opens it the same way, so {@code integrations create} and
 * {@code serve} on the same {@code --db} and {@code --data} see the same integrations. Closing it closes its
 * connections.
 */
public final class Storage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

    private final DatabaseLocation location;
    private final JdbcResourceStore database;
    private final ResourceStore resources;
    private final AccountStore accounts;

    private Storage(DatabaseLocation location, JdbcResourceStore database, ResourceStore resources,
            AccountStore accounts) {
        this.location = location;
        this.database = database;
        this.resources = resources;
        this.accounts = accounts;
    }

    /**
     * Opens the database, creating the SQLite file (and its folder) or the tables that are missing.
     *
     * <p>{@code --db memory} keeps users and groups in memory, and the integrations in the data directory's SQLite
     * file, where the command line manages them while the server runs.
     *
     * @throws StorageException if the database cannot be opened: a folder that cannot be written, a server that
     *     does not answer or refuses the login
     */
    public static Storage open(DatabaseLocation location, Clock clock) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(clock, "clock");
        JdbcResourceStore database;
        try {
            location.file().ifPresent(Storage::createPrivateFolder);
            database = JdbcResourceStore.open(location.target());
        } catch (RuntimeException e) {
            throw cannotOpen(location, e);
        }
        try {
            AccountStore accounts = AccountStore.open(database.dataSource(), database.dialect(), clock);
            ResourceStore resources = location.inMemory() ? InMemoryResourceStore.create() : database;
            return new Storage(location, database, resources, accounts);
        } catch (RuntimeException e) {
            database.close();
            throw cannotOpen(location, e);
        }
    }

    /**
     * Creates a SQLite file's missing folder readable by its owner only (where the file system has POSIX
     * permissions): the database holds people's data and the hashes of credentials. An existing folder is left as
     * it is.
     */
    private static void createPrivateFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        try {
            Path parent = folder.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (parent != null && Files.getFileStore(parent).supportsFileAttributeView("posix")) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another process made it meanwhile: fine.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where it is. */
    public DatabaseLocation location() {
        return location;
    }

    /** The users and groups. */
    public ResourceStore resources() {
        return resources;
    }

    /** The integrations, API clients and OAuth tokens. */
    public AccountStore accounts() {
        return accounts;
    }

    /** Closes the connections. Idempotent. */
    @Override
    public void close() {
        database.close();
    }

    /**
     * One sentence for the operator, from the deepest cause (the driver's or the file system's own words), with
     * any password taken out; the messages of the whole chain, as redacted, go to the debug log (not the
     * exceptions: a library's message may quote the URL).
     */
    private static StorageException cannotOpen(DatabaseLocation location, RuntimeException e) {
        StringBuilder chain = new StringBuilder();
        Throwable deepest = e;
        String reason = e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            chain.append(chain.length() == 0 ? "" : " <- ").append(cause.getClass().getName()).append(": ")
                    .append(cause.getMessage());
            deepest = cause;
            if (cause instanceof FileSystemException files) {
                reason = "cannot create " + files.getFile() + " (" + (files.getReason() != null ? files.getReason()
                        : files instanceof AccessDeniedException ? "permission denied"
                        : files instanceof NoSuchFileException ? "no such file or directory"
                        : files instanceof FileAlreadyExistsException ? "a file is in the way"
                        : files.getClass().getSimpleName()) + ")";
                break;
            }
            if (cause instanceof SQLException && cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        if (reason == null) {
            reason = deepest.getClass().getSimpleName();
        }
        LOG.debug("Cannot open {}: {}", location, DatabaseLocation.redact(chain.toString()));
        String firstLine = reason.lines().findFirst().orElse(reason).strip();
        if (firstLine.endsWith(".")) {
            firstLine = firstLine.substring(0, firstLine.length() - 1);
        }
        return new StorageException("cannot open the database, " + location.describe() + ": "
                + DatabaseLocation.redact(firstLine) + "; check --db and --data");
    }
}
