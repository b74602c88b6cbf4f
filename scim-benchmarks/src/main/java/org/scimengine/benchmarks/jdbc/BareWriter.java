package org.scimengine.benchmarks.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.scimengine.core.spi.UniqueValue;

/**
 * Writes users into the store's tables with plain JDBC, with exactly the rows scim-store-jdbc writes for them
 * ({@link StoreRows}: the resource row, every {@code scim_value} row, the {@code userName} and {@code externalId}
 * rows of {@code scim_unique}, the count), in one transaction with batched inserts and one commit: the bare
 * baseline of {@link JdbcBulkComparison}. {@link JdbcBulkComparison} checks that it writes the same rows as the
 * store.
 */
final class BareWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 2_000;
    private static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private BareWriter() {
    }

    /** Writes the users (as a client POSTs them) into a tenant, in one transaction. */
    static void write(DataSource dataSource, String tenant, List<ObjectNode> users) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement resource = connection.prepareStatement("INSERT INTO scim_resource (tenant, type,"
                    + " id, version, created, last_modified, attributes) VALUES (?, 'User', ?, 1, ?, ?, ?) RETURNING pk");
                 PreparedStatement value = connection.prepareStatement("INSERT INTO scim_value (tenant, res, attr, sub,"
                         + " elem, kind, present, chosen, s_fold, s_exact, num, bool, dt)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement unique = connection.prepareStatement("INSERT INTO scim_unique (tenant, attribute,"
                         + " value, type, global, res) VALUES (?, ?, ?, 'User', 0, ?)");
                 PreparedStatement count = connection.prepareStatement("INSERT INTO scim_count (tenant, type, slot, n)"
                         + " VALUES (?, 'User', 0, ?) ON CONFLICT (tenant, type, slot)"
                         + " DO UPDATE SET n = scim_count.n + excluded.n")) {
                int pending = 0;
                for (ObjectNode user : users) {
                    ObjectNode stored = storedForm(user);
                    String now = StoreRows.instant(Instant.now());
                    resource.setString(1, tenant);
                    resource.setString(2, UUID.randomUUID().toString());
                    resource.setString(3, now);
                    resource.setString(4, now);
                    resource.setString(5, JSON.writeValueAsString(stored));
                    long pk;
                    try (ResultSet key = resource.executeQuery()) {
                        key.next();
                        pk = key.getLong(1);
                    }
                    for (StoreRows.Row row : StoreRows.of(stored)) {
                        bindValue(value, tenant, pk, row);
                        value.addBatch();
                        pending++;
                    }
                    addUnique(unique, tenant, "userName", stored.path("userName").textValue(), false, pk);
                    addUnique(unique, tenant, "externalId", stored.path("externalId").textValue(), true, pk);
                    if (pending >= BATCH) {
                        value.executeBatch();
                        unique.executeBatch();
                        pending = 0;
                    }
                }
                value.executeBatch();
                unique.executeBatch();
                count.setString(1, tenant);
                count.setLong(2, users.size());
                count.executeUpdate();
                connection.commit();
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The document the engine stores for one of these bodies: the body in the client's order, without what the
     * engine's validation drops from them, namely {@code null} members and the enterprise {@code manager}'s
     * {@code displayName}, which RFC 7643 §4.3 makes readOnly. (The cross-check of {@link JdbcBulkComparison}
     * finds anything else that differs.)
     */
    private static ObjectNode storedForm(ObjectNode user) {
        ObjectNode stored = user.deepCopy();
        stored.properties().removeIf(field -> field.getValue().isNull());
        JsonNode manager = stored.path(ENTERPRISE_URN).path("manager");
        if (manager.isObject()) {
            ((ObjectNode) manager).remove("displayName");
        }
        return stored;
    }

    private static void addUnique(PreparedStatement unique, String tenant, String attribute, String value,
            boolean caseExact, long pk) throws SQLException {
        if (value == null) {
            return;
        }
        unique.setString(1, tenant);
        unique.setString(2, attribute);
        // As the store keeps a unique value of up to 200 characters; longer ones it keeps by their hash.
        unique.setString(3, "=" + UniqueValue.normalise(value, caseExact));
        unique.setLong(4, pk);
        unique.addBatch();
    }

    private static void bindValue(PreparedStatement value, String tenant, long pk, StoreRows.Row row)
            throws SQLException {
        value.setString(1, tenant);
        value.setLong(2, pk);
        value.setString(3, row.attr());
        value.setString(4, row.sub());
        value.setInt(5, row.elem());
        value.setInt(6, row.kind());
        value.setInt(7, row.present() ? 1 : 0);
        value.setInt(8, row.chosen() ? 1 : 0);
        value.setString(9, row.fold());
        value.setString(10, row.exact());
        if (row.number() == null) {
            value.setNull(11, Types.NUMERIC);
        } else {
            value.setBigDecimal(11, row.number());
        }
        if (row.bool() == null) {
            value.setNull(12, Types.INTEGER);
        } else {
            value.setInt(12, row.bool() ? 1 : 0);
        }
        value.setString(13, row.dateTime());
    }
}
