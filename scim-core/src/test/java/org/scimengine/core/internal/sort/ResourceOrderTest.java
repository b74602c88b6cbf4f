package org.scimengine.core.internal.sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimType;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.FilterParser;

/** sortBy and sortOrder over a handful of users whose ids are the expected tie-break order. */
class ResourceOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AttributeResolver USERS = new AttributeResolver(SchemaRegistry.standard(), CoreSchemas.USER_TYPE);
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
    private static final List<JsonNode> USERS_DATA = List.of(
            json("{\"id\": \"u1\", \"userName\": \"bob\", \"active\": true,"
                    + " \"emails\": [{\"value\": \"z@x\"}, {\"value\": \"b@x\", \"primary\": true}],"
                    + " \"meta\": {\"lastModified\": \"2011-05-13T06:42:34+02:00\"},"
                    + " \"" + ENTERPRISE + "\": {\"employeeNumber\": \"10\"}}"),
            json("{\"id\": \"u2\", \"userName\": \"Alice\", \"active\": false,"
                    + " \"emails\": [{\"value\": \"c@x\"}, {\"value\": \"a@x\"}],"
                    + " \"meta\": {\"lastModified\": \"2011-05-13T04:42:33Z\"}}"),
            json("{\"id\": \"u3\", \"userName\": \"alice\", \"title\": \"\u00e9t\u00e9\","
                    + " \"meta\": {\"lastModified\": \"2011-05-13T04:42:35Z\"},"
                    + " \"" + ENTERPRISE + "\": {\"employeeNumber\": \"9\"}}"),
            json("{\"id\": \"u4\", \"userName\": \"carol\", \"title\": \"Zed\", \"active\": true}"));

    @ParameterizedTest(name = "sortBy={0} sortOrder={1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-                   | -           | u1,u2,u3,u4",
        // userName is not case-exact: Alice and alice tie, and the id breaks the tie
        "userName            | -           | u2,u3,u1,u4",
        "USERNAME            | DESCENDING  | u4,u1,u2,u3",
        // missing values last ascending, first descending; code-point order puts 'é' after 'Z'
        "title               | ascending   | u4,u3,u1,u2",
        "title               | descending  | u1,u2,u3,u4",
        // false before true
        "active              | -           | u2,u1,u4,u3",
        // dateTimes as instants: u1's 06:42:34+02:00 is 04:42:34Z
        "meta.lastModified   | -           | u2,u1,u3,u4",
        // multi-valued: the primary value, else the first; 'emails' means emails.value
        "emails              | -           | u1,u2,u3,u4",
        "emails.value        | descending  | u3,u4,u2,u1",
        // extension attribute, as strings ('10' before '9')
        ENTERPRISE + ":employeeNumber | -  | u1,u3,u2,u4"
    })
    void ordersResources(String sortBy, String sortOrder, String expectedIds) {
        List<JsonNode> shuffled = new ArrayList<>(USERS_DATA);
        Collections.reverse(shuffled);
        shuffled.sort(ResourceOrder.parse(sortBy, sortOrder, FilterParser.standard(), USERS));
        assertThat(shuffled).extracting(u -> u.get("id").asText()).containsExactly(expectedIds.strip().split(","));
    }

    @ParameterizedTest(name = "sortBy={0} sortOrder={1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "shoeSize   | -        | 'sortBy': unknown attribute 'shoeSize' for resource type User",
        "name       | -        | 'sortBy': 'name' is complex: sort by one of its sub-attributes",
        "a,b        | -        | 'sortBy': expected the end of the input after 'a' at offset 1, found ','",
        "userName   | upwards  | 'sortOrder' must be ascending or descending, was 'upwards'",
        "password   | -        | 'sortBy': 'password' is never returned, so it cannot be filtered or sorted on"
    })
    void rejectsWhatCannotBeSortedWithInvalidValue(String sortBy, String sortOrder, String detail) {
        assertThatThrownBy(() -> ResourceOrder.parse(sortBy, sortOrder, FilterParser.standard(), USERS))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.scimType()).contains(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).isEqualTo(detail.strip());
                });
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
