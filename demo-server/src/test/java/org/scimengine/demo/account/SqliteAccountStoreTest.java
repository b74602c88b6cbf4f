package org.scimengine.demo.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.demo.DatabaseLocation;

/** The accounts in the default database: the SQLite file of a data directory. */
class SqliteAccountStoreTest extends AccountStoreContract {

    @TempDir
    Path temporary;

    private Path data() {
        return temporary.resolve("scim-data");
    }

    @Override
    DatabaseLocation database() {
        return DatabaseLocation.parse(null, data());
    }

    /** The file's bytes, and those of its write-ahead log, where a commit lands first. */
    @Override
    String stored() {
        StringBuilder bytes = new StringBuilder();
        for (String name : new String[] {DatabaseLocation.DEFAULT_FILE, DatabaseLocation.DEFAULT_FILE + "-wal"}) {
            Path file = data().resolve(name);
            try {
                if (Files.exists(file)) {
                    bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes.toString();
    }

    @Test
    void theDataDirectoryIsCreatedReadableByItsOwnerOnly() throws IOException {
        open().createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        assertThat(data().resolve(DatabaseLocation.DEFAULT_FILE)).isRegularFile();
        if (Files.getFileStore(data()).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(data())).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        }
    }
}
