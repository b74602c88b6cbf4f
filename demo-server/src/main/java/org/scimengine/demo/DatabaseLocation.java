package org.scimengine.demo;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code --db} names: where users and groups are kept, and with them the integrations, API clients and
 * OAuth tokens.
 *
 * @param kind a SQLite file, a PostgreSQL server, or memory
 * @param target what {@code JdbcResourceStore.open} takes: a SQLite file's absolute path or a JDBC URL; for
 *     {@link Kind#MEMORY}, the data directory's SQLite file, which keeps the integrations (users and groups stay
 *     in memory)
 */
public record DatabaseLocation(Kind kind, String target) {

    /** {@code --db memory}: users and groups in memory, for throw-away runs. */
    public static final String MEMORY = "memory";
    /** The SQLite file in the data directory: the default database, and where {@code memory} keeps integrations. */
    public static final String DEFAULT_FILE = "scim.db";

    /** The kinds of database. */
    public enum Kind {
        /** A SQLite file: one machine, nothing to run beside the server. */
        SQLITE,
        /** A PostgreSQL server, which several demo servers can share. */
        POSTGRESQL,
        /** Users and groups in memory; integrations in the data directory's SQLite file. */
        MEMORY
    }

    /** A password in a JDBC URL's parameters ({@code password=}, {@code sslpassword=}, {@code pwd=}). */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd)=)[^&;?#\\s]*");
    /** A password in a URL's user information: {@code //user:password@host}. */
    private static final Pattern PASSWORD_USER_INFO = Pattern.compile("(//[^/:@\\s]*:)[^/@\\s]*@");

    public DatabaseLocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    /**
     * Reads {@code --db}.
     *
     * @param db {@value #MEMORY}, a SQLite file's path, a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL; null
     *     for the default, {@value #DEFAULT_FILE} in the data directory
     * @param dataDirectory the data directory ({@code --data})
     * @throws IllegalArgumentException for a URL of another database, or something that is not a path
     */
    public static DatabaseLocation parse(@Nullable String db, Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path defaultFile = dataDirectory.resolve(DEFAULT_FILE).toAbsolutePath().normalize();
        if (db == null) {
            return new DatabaseLocation(Kind.SQLITE, defaultFile.toString());
        }
        String text = db.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("--db must name a SQLite file, a jdbc:postgresql: URL or memory");
        }
        if (text.equalsIgnoreCase(MEMORY)) {
            return new DatabaseLocation(Kind.MEMORY, defaultFile.toString());
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return new DatabaseLocation(Kind.SQLITE, text);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseLocation(Kind.POSTGRESQL, text);
        }
        if (lower.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--db '" + redact(text) + "' is a database the demo does not"
                    + " support: use a SQLite file, a jdbc:sqlite: URL, a jdbc:postgresql: URL or memory");
        }
        try {
            return new DatabaseLocation(Kind.SQLITE, Path.of(text).toAbsolutePath().normalize().toString());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--db '" + text + "' is not a file path (" + e.getReason()
                    + "): use a SQLite file, a jdbc:postgresql: URL or memory");
        }
    }

    /** The SQLite file when the target is a path rather than a URL. */
    public Optional<Path> file() {
        return kind == Kind.POSTGRESQL || target.regionMatches(true, 0, "jdbc:", 0, 5) ? Optional.empty()
                : Optional.of(Path.of(target));
    }

    /** Whether users and groups are kept in memory, and so lost when the server stops. */
    public boolean inMemory() {
        return kind == Kind.MEMORY;
    }

    /**
     * The database for a person to read, never with a password: {@code SQLite file /srv/scim-data/scim.db},
     * {@code PostgreSQL jdbc:postgresql://db:5432/scim?user=scim&password=***}.
     */
    public String describe() {
        return switch (kind) {
            case SQLITE, MEMORY -> file().map(path -> "SQLite file " + path).orElse("SQLite " + target);
            case POSTGRESQL -> "PostgreSQL " + redact(target);
        };
    }

    /** Text with every password a JDBC URL in it may hold replaced by {@code ***}. */
    public static String redact(String text) {
        String withoutParameters = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
        return PASSWORD_USER_INFO.matcher(withoutParameters).replaceAll("$1***@");
    }

    /** Never the password: records print their components. */
    @Override
    public String toString() {
        return "DatabaseLocation[" + kind + ", " + redact(target) + "]";
    }
}
