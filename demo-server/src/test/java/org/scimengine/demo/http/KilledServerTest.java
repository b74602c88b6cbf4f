package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimengine.jaxrs.testing.Http;

/**
 * Durability on the default database, a SQLite file: a server process killed with SIGKILL in the middle of a
 * write load keeps, after a restart, every user whose creation it acknowledged (201), and the file is
 * consistent.
 */
class KilledServerTest {

    private static final String TOKEN = "durability-test-bootstrap-token-0123456789";
    private static final int WRITERS = 4;
    /** Acknowledged creations before the kill. */
    private static final int BEFORE_KILL = 150;

    @TempDir
    Path data;

    @TempDir
    Path logs;

    @Test
    void everyAcknowledgedUserOutlivesAKillAndTheDatabaseIsConsistent() throws Exception {
        Map<String, String> environment = Map.of("SCIM_BOOTSTRAP_TOKEN", TOKEN);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch enough = new CountDownLatch(BEFORE_KILL);
        ExecutorService load = Executors.newFixedThreadPool(WRITERS);
        try (ChildServer first = ChildServer.start(data, logs.resolve("first.log"), environment, "--rate",
                "1000000", "--burst", "1000000")) {
            Http scim = Http.at(first.scim()).bearer(TOKEN);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int number = writer;
                writers.add(load.submit(() -> {
                    for (int i = 0; ; i++) {
                        String userName = "writer" + number + "-" + i + "@example.com";
                        Http.Reply reply;
                        try {
                            reply = scim.post("Users", DemoHttpTest.user(userName));
                        } catch (IllegalStateException gone) {
                            return i; // the server was killed
                        }
                        if (reply.status() == 201) {
                            acknowledged.put(reply.json().get("id").asText(), userName);
                            enough.countDown();
                        } else {
                            unexpected.add(reply.toString());
                        }
                    }
                }));
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("%s users acknowledged", BEFORE_KILL).isTrue();
            first.kill();
            for (Future<Integer> writer : writers) {
                assertThat(writer.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            load.shutdownNow();
        }
        assertThat(unexpected).isEmpty();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(BEFORE_KILL);

        try (ChildServer second = ChildServer.start(data, logs.resolve("second.log"), environment)) {
            assertThat(second.output()).anyMatch(line -> line.contains("integration default/bootstrap already in"
                    + " place"));
            Http scim = Http.at(second.scim()).bearer(TOKEN);
            for (Map.Entry<String, String> user : acknowledged.entrySet()) {
                Http.Reply got = scim.get("Users/" + user.getKey());
                assertThat(got.status()).as(got.toString()).isEqualTo(200);
                assertThat(got.json().get("userName").asText()).isEqualTo(user.getValue());
                JsonNode found = scim.get("Users?filter=" + Http.encode("userName eq \"" + user.getValue() + "\""))
                        .json();
                assertThat(found.get("totalResults").asInt()).as(user.getValue()).isEqualTo(1);
                assertThat(found.at("/Resources/0/id").asText()).isEqualTo(user.getKey());
            }
            Set<String> listed = new HashSet<>();
            int total = -1;
            for (int start = 1; total < 0 || start <= total; start += 1_000) {
                JsonNode page = scim.get("Users?startIndex=" + start + "&count=1000&attributes=userName").json();
                total = page.get("totalResults").asInt();
                page.get("Resources").forEach(user -> listed.add(user.get("id").asText()));
            }
            assertThat(listed).hasSize(total).containsAll(acknowledged.keySet());
            second.stop();
        }

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("scim.db"));
             Statement statement = connection.createStatement()) {
            try (ResultSet integrity = statement.executeQuery("PRAGMA integrity_check")) {
                assertThat(integrity.next()).isTrue();
                assertThat(integrity.getString(1)).isEqualTo("ok");
            }
            try (ResultSet foreignKeys = statement.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(foreignKeys.next()).as("rows without their parent").isFalse();
            }
        }
    }
}
