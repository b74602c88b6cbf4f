package org.scimengine.demo.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.scimengine.demo.DatabaseLocation;
import org.scimengine.demo.ServeOptions;
import org.scimengine.demo.Storage;
import picocli.CommandLine.Option;

/**
 * {@code --db DB} and {@code --data DIR}, which every command takes: {@code serve} and the commands that manage
 * integrations and clients open the same database from them.
 */
final class DataOption {

    @Option(names = "--db", paramLabel = "DB",
            description = "Where users, groups, integrations and tokens are kept: a SQLite file, a jdbc:sqlite: or"
                    + " jdbc:postgresql: URL, or memory (users and groups in memory, lost when the server stops;"
                    + " integrations in the data directory's " + DatabaseLocation.DEFAULT_FILE + "). Default: "
                    + DatabaseLocation.DEFAULT_FILE + " in the data directory.")
    @Nullable String db;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ServeOptions.DEFAULT_DATA_DIRECTORY,
            description = "The data directory, holding " + DatabaseLocation.DEFAULT_FILE
                    + " unless --db says otherwise (default: ${DEFAULT-VALUE}).")
    Path directory = Path.of(ServeOptions.DEFAULT_DATA_DIRECTORY);

    /** @throws IllegalArgumentException for a {@code --db} that names no database the demo supports */
    DatabaseLocation location() {
        return DatabaseLocation.parse(db, directory);
    }

    /** @throws org.scimengine.demo.StorageException if the database cannot be opened */
    Storage open(Clock clock) {
        return Storage.open(location(), clock);
    }
}
