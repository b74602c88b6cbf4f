package org.scimengine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.core.AttributeSelection;
import org.scimengine.core.RequestContext;
import org.scimengine.core.ScimEngine;
import org.scimengine.core.SearchRequest;

/**
 * A SQLite file that another connection writes while the store does, as a host's own tables or another process
 * would: the store's writes wait for the other writer's, and none fails with "database is locked".
 */
class SqliteOtherWritersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void everyWriteOfTheStoreSucceedsWhileAnotherConnectionKeepsWriting() throws Exception {
        Path file = folder.resolve("scim.db");
        try (JdbcResourceStore store = JdbcResourceStore.open(file.toString())) {
            ScimEngine engine = ScimEngine.builder(store).passwordHashIterations(1_000).build();
            RequestContext acme = RequestContext.of("acme", "https://example.com/scim/v2");
            AtomicBoolean done = new AtomicBoolean();
            Properties settings = new Properties();
            settings.setProperty("busy_timeout", "30000");
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file, settings);
                 Statement statement = other.createStatement()) {
                statement.execute("CREATE TABLE host_log (n INTEGER NOT NULL)");
            }
            // Short write transactions back to back, on a connection of its own.
            CompletableFuture<Integer> otherWrites = CompletableFuture.supplyAsync(() -> {
                int written = 0;
                try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file, settings);
                     PreparedStatement insert = other.prepareStatement("INSERT INTO host_log (n) VALUES (?)")) {
                    while (!done.get()) {
                        insert.setInt(1, written);
                        written += insert.executeUpdate();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return written;
            });
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> created = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    int number = thread;
                    created.add(writers.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            engine.create(acme, "User", user("u" + number + "-" + i), AttributeSelection.DEFAULT);
                        }
                        return 20;
                    }));
                }
                for (Future<Integer> future : created) {
                    assertThat(future.get(120, TimeUnit.SECONDS)).isEqualTo(20);
                }
            } finally {
                done.set(true);
                writers.shutdownNow();
            }
            assertThat(otherWrites.get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(engine.search(acme, "User", SearchRequest.all().withPage(1, 0))
                    .get("totalResults").asInt()).isEqualTo(80);
        }
    }

    private static ObjectNode user(String userName) throws Exception {
        return (ObjectNode) JSON.readTree("{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + " \"userName\": \"" + userName + "\"}");
    }
}
