package org.scimengine.demo.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.scimengine.demo.DatabaseLocation;
import org.scimengine.demo.Storage;
import org.scimengine.demo.account.AccountStore;

/**
 * Opens databases as the commands do, and closes each after the test: register with
 * {@code @RegisterExtension final Storages storages = new Storages();}.
 */
public final class Storages implements AfterEachCallback {

    private final List<Storage> opened = new ArrayList<>();

    /** The database at a location, opened as if by another process: a pool of its own. */
    public synchronized Storage open(DatabaseLocation location, Clock clock) {
        Storage storage = Storage.open(location, clock);
        opened.add(storage);
        return storage;
    }

    /** The accounts of a data directory's default database, its SQLite file. */
    public AccountStore accounts(Path dataDirectory, Clock clock) {
        return open(DatabaseLocation.parse(null, dataDirectory), clock).accounts();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        opened.forEach(Storage::close);
        opened.clear();
    }
}
