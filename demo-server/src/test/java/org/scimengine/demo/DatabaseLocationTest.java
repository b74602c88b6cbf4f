package org.scimengine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseLocationTest {

    private static final Path DATA = Path.of("/srv/scim-data");

    @Test
    void theDefaultIsTheSqliteFileOfTheDataDirectory() {
        DatabaseLocation location = DatabaseLocation.parse(null, DATA);
        assertThat(location.kind()).isEqualTo(DatabaseLocation.Kind.SQLITE);
        assertThat(location.file()).contains(Path.of("/srv/scim-data/scim.db"));
        assertThat(location.inMemory()).isFalse();
        assertThat(location.describe()).isEqualTo("SQLite file /srv/scim-data/scim.db");
    }

    @Test
    void memoryKeepsTheIntegrationsInThatFile() {
        DatabaseLocation location = DatabaseLocation.parse(" Memory ", DATA);
        assertThat(location.inMemory()).isTrue();
        assertThat(location.target()).isEqualTo("/srv/scim-data/scim.db");
    }

    @Test
    void aPathIsASqliteFileRelativeToTheWorkingDirectory() {
        DatabaseLocation location = DatabaseLocation.parse("other/../people.db", DATA);
        assertThat(location.kind()).isEqualTo(DatabaseLocation.Kind.SQLITE);
        assertThat(location.file()).contains(Path.of("people.db").toAbsolutePath());
    }

    @Test
    void jdbcUrlsOfSqliteAndPostgresqlAreTakenAsTheyAre() {
        DatabaseLocation sqlite = DatabaseLocation.parse("jdbc:sqlite:/var/lib/scim.db", DATA);
        assertThat(sqlite.kind()).isEqualTo(DatabaseLocation.Kind.SQLITE);
        assertThat(sqlite.file()).isEmpty();
        assertThat(sqlite.describe()).isEqualTo("SQLite jdbc:sqlite:/var/lib/scim.db");

        DatabaseLocation postgres = DatabaseLocation.parse("JDBC:PostgreSQL://db:5432/scim?user=scim", DATA);
        assertThat(postgres.kind()).isEqualTo(DatabaseLocation.Kind.POSTGRESQL);
        assertThat(postgres.target()).isEqualTo("JDBC:PostgreSQL://db:5432/scim?user=scim");
        assertThat(postgres.file()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db/scim?user=scim&password=s3cr%3At | jdbc:postgresql://db/scim?user=scim&password=***",
        "jdbc:postgresql://db/scim?password=s3cret&ssl=true | jdbc:postgresql://db/scim?password=***&ssl=true",
        "jdbc:postgresql://db/scim?sslpassword=s3cret | jdbc:postgresql://db/scim?sslpassword=***",
        "jdbc:postgresql://scim:s3cret@db/scim | jdbc:postgresql://scim:***@db/scim",
        "jdbc:sqlserver://db;user=sa;PASSWORD=s3cret;db=x | jdbc:sqlserver://db;user=sa;PASSWORD=***;db=x",
        "jdbc:postgresql://db/scim?user=scim | jdbc:postgresql://db/scim?user=scim"})
    void passwordsInUrlsAreNeverShown(String url, String shown) {
        assertThat(DatabaseLocation.redact(url)).isEqualTo(shown).doesNotContain("s3cr");
    }

    @Test
    void aPostgresqlLocationDescribesItselfWithoutItsPassword() {
        DatabaseLocation location = DatabaseLocation.parse("jdbc:postgresql://db/scim?user=scim&password=s3cret",
                DATA);
        assertThat(location.describe()).isEqualTo("PostgreSQL jdbc:postgresql://db/scim?user=scim&password=***");
        assertThat(location.toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://db/scim?user=root&password=s3cret", "jdbc:h2:mem:x", "JDBC:oracle:thin:@x"})
    void otherDatabasesAreRefusedSayingWhatWorks(String url) {
        assertThatThrownBy(() -> DatabaseLocation.parse(url, DATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is a database the demo does not support: use a SQLite file, a jdbc:sqlite:"
                        + " URL, a jdbc:postgresql: URL or memory")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void blankIsRefused() {
        assertThatThrownBy(() -> DatabaseLocation.parse("  ", DATA))
                .hasMessage("--db must name a SQLite file, a jdbc:postgresql: URL or memory");
        assertThatThrownBy(() -> DatabaseLocation.parse("a\u0000b", DATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a file path");
    }
}
