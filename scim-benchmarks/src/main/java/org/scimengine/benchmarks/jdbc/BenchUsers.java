package org.scimengine.benchmarks.jdbc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.scimengine.benchmarks.UserGenerator;

/**
 * The users the JDBC benchmarks load, as a client POSTs them: {@link UserGenerator}'s users without the
 * server-assigned {@code id} and {@code meta}. The engine keeps {@code externalId} unique per resource type
 * (its default); the generator repeats some external ids over a million users (an Entra nickname with the
 * same three digits, a lower-cased legacy import), so a repeated one gets the user's number appended.
 */
final class BenchUsers {

    private static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";

    private BenchUsers() {
    }

    /** {@code count} users (at least 5,000) of the generator's seed plus {@code seedOffset}, in order. */
    static Iterator<ObjectNode> iterate(int count, long seedOffset) {
        Iterator<ObjectNode> users = UserGenerator.iterate(count, UserGenerator.SEED + seedOffset);
        Set<String> externalIds = new HashSet<>();
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return users.hasNext();
            }

            @Override
            public ObjectNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ObjectNode user = users.next();
                user.remove("id");
                user.remove("meta");
                String externalId = user.path("externalId").textValue();
                if (externalId != null && !externalIds.add(externalId)) {
                    String unique = externalId + "-" + index;
                    externalIds.add(unique);
                    user.put("externalId", unique);
                }
                index++;
                return user;
            }
        };
    }

    /** A spare user: a user name and nothing else, to be added to a group in the member benchmark. */
    static ObjectNode spare(int k) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.putArray("schemas").add(USER_URN);
        user.put("userName", spareUserName(k));
        return user;
    }

    static String spareUserName(int k) {
        return "spare-" + k + "@bench.example";
    }
}
