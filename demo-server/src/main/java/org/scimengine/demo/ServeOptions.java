package org.scimengine.demo;

import java.util.Objects;

/**
 * How {@code serve} was asked to run.
 *
 * @param host the address to listen on; {@code 127.0.0.1} by default, so nothing outside the machine reaches a
 *     demo unless asked to
 * @param port the port; 0 picks a free one
 * @param db where users, groups, integrations and tokens are kept ({@code --db} and {@code --data})
 * @param rate requests per second per credential
 * @param burst requests at once per credential
 */
public record ServeOptions(String host, int port, DatabaseLocation db, int rate, int burst) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATA_DIRECTORY = "scim-data";

    /** @throws IllegalArgumentException for a port out of range */
    public ServeOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(db, "db");
        if (host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address, such as 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 (any free port) and 65535, was " + port);
        }
    }
}
