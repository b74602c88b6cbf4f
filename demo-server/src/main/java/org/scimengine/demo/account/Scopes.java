package org.scimengine.demo.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scopes a credential may carry: {@code <endpoint>:read|write|delete} for Users and Groups, as seed 001 names
 * them for users ({@code users:read}, {@code users:write}, {@code users:delete}).
 */
public final class Scopes {

    /** Every scope, in the order they are shown and stored. */
    public static final List<String> ALL = List.of("users:read", "users:write", "users:delete", "groups:read",
            "groups:write", "groups:delete");

    private Scopes() {
    }

    /**
     * Scopes from a comma-separated list such as {@code users:read,users:write}, ignoring case and blanks.
     *
     * @return the scopes, each once, in the order of {@link #ALL}
     * @throws AccountException for an unknown scope or an empty list
     */
    public static List<String> parse(String commaSeparated) {
        List<String> given = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            if (!part.isBlank()) {
                given.add(part.strip());
            }
        }
        return normalise(given);
    }

    /**
     * The same scopes, each once, in the order of {@link #ALL}.
     *
     * @throws AccountException for an unknown scope or none at all
     */
    public static List<String> normalise(Collection<String> scopes) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String scope : scopes) {
            String key = scope.strip().toLowerCase(Locale.ROOT);
            if (!ALL.contains(key)) {
                throw new AccountException("unknown scope '" + scope + "'; the scopes are " + String.join(", ", ALL));
            }
            wanted.add(key);
        }
        if (wanted.isEmpty()) {
            throw new AccountException("give at least one scope, from " + String.join(", ", ALL));
        }
        return ALL.stream().filter(wanted::contains).toList();
    }
}
