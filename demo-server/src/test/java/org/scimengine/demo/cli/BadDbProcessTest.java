package org.scimengine.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimengine.demo.Main;

/**
 * A {@code --db} the demo cannot use, as an operator sees it from the real process: one line on standard error,
 * exit status 1, nothing on standard output, no stack trace from any library, no password.
 */
class BadDbProcessTest {

    @TempDir
    Path temporary;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serve | jdbc:mysql://db.example.com/scim?user=root&password=hunter2"
                + " | error: --db 'jdbc:mysql://db.example.com/scim?user=root&password=***' is a database the demo does"
                + " not support",
        "integrations list | /proc/scim-demo/scim.db"
                + " | error: cannot open the database, SQLite file /proc/scim-demo/scim.db: cannot create",
        "clients list | jdbc:postgresql://127.0.0.1:1/scim?user=scim&password=hunter2"
                + " | error: cannot open the database, PostgreSQL jdbc:postgresql://127.0.0.1:1/scim?user=scim"
                + "&password=***: Connection to 127.0.0.1:1 refused"})
    void isOneLineAndExitStatusOne(String command, String db, String expected) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        line.addAll(List.of(command.split(" ")));
        line.addAll(List.of("--db", db, "--data", temporary.resolve("data").toString()));
        Path out = temporary.resolve("out");
        Path err = temporary.resolve("err");
        Process process = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended").isTrue();

        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(errors).isEqualTo(1);
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEmpty();
        assertThat(errors).startsWith(expected).hasLineCount(1).doesNotContain("hunter2", "Exception", "\tat ");
    }
}
