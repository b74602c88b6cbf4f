package org.scimengine.demo.cli;

import java.nio.file.Path;
import org.scimengine.demo.ServeOptions;
import org.scimengine.demo.account.AccountStore;
import picocli.CommandLine.Option;

/** {@code --data DIR}, which every command that reads or writes integrations takes. */
final class DataOption {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ServeOptions.DEFAULT_DATA_DIRECTORY,
            description = "The data directory, holding " + AccountStore.FILE_NAME + " (default: ${DEFAULT-VALUE}).")
    Path directory = Path.of(ServeOptions.DEFAULT_DATA_DIRECTORY);
}
