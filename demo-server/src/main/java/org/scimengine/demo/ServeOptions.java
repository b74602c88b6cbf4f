package org.scimengine.demo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.scimengine.demo.auth.RateLimiter;

/**
 * How {@code serve} was asked to run.
 *
 * @param host the address to listen on; {@code 127.0.0.1} by default, so nothing outside the machine reaches a
 *     demo unless asked to
 * @param port the port; 0 picks a free one
 * @param db where resources are kept: {@value #MEMORY} (the JDBC store will add a SQLite file or a {@code jdbc:}
 *     URL)
 * @param dataDirectory where {@code integrations.json} is kept
 * @param rate requests per second per credential
 * @param burst requests at once per credential
 */
public record ServeOptions(String host, int port, String db, Path dataDirectory, int rate, int burst) {

    /** The in-memory store. */
    public static final String MEMORY = "memory";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATA_DIRECTORY = "scim-data";

    /** @throws IllegalArgumentException for a port out of range or an unsupported {@code --db} */
    public ServeOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address, such as 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 (any free port) and 65535, was " + port);
        }
        if (!db.toLowerCase(Locale.ROOT).equals(MEMORY)) {
            throw new IllegalArgumentException("--db '" + db + "' is not supported yet: use --db " + MEMORY
                    + " (SQLite files and jdbc: URLs arrive with the JDBC store)");
        }
        db = MEMORY;
    }

    /** The defaults, with a data directory. */
    public static ServeOptions defaults(Path dataDirectory) {
        return new ServeOptions(DEFAULT_HOST, DEFAULT_PORT, MEMORY, dataDirectory, RateLimiter.DEFAULT_RATE,
                RateLimiter.DEFAULT_BURST);
    }
}
