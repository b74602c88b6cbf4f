package org.scimengine.demo.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.demo.testing.MutableClock;

class AtomicFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)).toList();
        }
    }

    @Test
    void writeReplacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("integrations.json");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void aFailedReplacementLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        // A directory that is not empty cannot be replaced by a file: the move fails after the content is written.
        Path target = directory.resolve("integrations.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("kept"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);

        assertThat(Files.readString(target.resolve("kept"))).isEqualTo("old");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void aReaderNeverSeesAPartOfTheFile() throws Exception {
        Path target = directory.resolve("integrations.json");
        AtomicFiles.write(target, document(0));
        int writes = 300;
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch readerStarted = new CountDownLatch(1);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> failures = reader.submit(() -> {
                List<String> bad = new ArrayList<>();
                readerStarted.countDown();
                int reads = 0;
                // Reads on while the writer writes, and at least a few times whatever the scheduling.
                while (writing.get() || reads < 10) {
                    byte[] content = Files.readAllBytes(target);
                    try {
                        JsonNode node = JSON.readTree(content);
                        if (node.path("padding").textValue().length() != 10_000) {
                            bad.add("short padding in " + node.path("n"));
                        }
                    } catch (IOException e) {
                        bad.add(content.length + " bytes: " + e.getMessage());
                    }
                    reads++;
                }
                return bad;
            });
            assertThat(readerStarted.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= writes; i++) {
                AtomicFiles.write(target, document(i));
            }
            writing.set(false);
            assertThat(failures.get(60, TimeUnit.SECONDS)).isEmpty();
        } finally {
            reader.shutdownNow();
        }
        assertThat(JSON.readTree(Files.readAllBytes(target)).path("n").intValue()).isEqualTo(writes);
    }

    private static byte[] document(int n) {
        return ("{\"n\": " + n + ", \"padding\": \"" + "x".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void temporaryFilesACrashLeftAreIgnoredOnReadAndRemovedByTheNextChange() throws IOException {
        AccountStore before = AccountStore.open(directory, MutableClock.atNewYear());
        before.createIntegration("acme", "Production", AuthType.BASIC, Scopes.ALL);
        // A crash between writing the temporary file and the rename leaves it half-written beside the target.
        Path stale = directory.resolve(AccountStore.FILE_NAME + ".12345" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(stale, "{\"format\": 1, \"integrations\": [{\"acc");

        AccountStore after = AccountStore.open(directory, MutableClock.atNewYear());
        assertThat(after.integrations(null)).extracting(Integration::name).containsExactly("Production");

        after.createIntegration("acme", "Staging", AuthType.BASIC, Scopes.ALL);
        assertThat(Files.exists(stale)).isFalse();
        assertThat(temporaries()).isEmpty();
    }
}
