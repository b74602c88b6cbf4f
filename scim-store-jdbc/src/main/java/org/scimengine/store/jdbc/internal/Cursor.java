package org.scimengine.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.spi.StoreQuery;

/**
 * A cursor (RFC 9865) as the sort key and id of the last resource on a page, so the next page starts after it
 * by a keyset condition rather than an offset: a page costs the same wherever it is, and writes between two
 * pages never make one skip or repeat a resource that stayed. A fingerprint of the query makes a cursor from
 * another query invalid rather than a position in the wrong list.
 *
 * @param key the last resource's sort key as {@link Ordering#write} wrote it, or null for a missing key or a
 *     sort by id alone
 * @param id the last resource's id
 */
record Cursor(@Nullable String key, String id) {

    private static final String PREFIX = "jdbc1";

    String issue(StoreQuery query) {
        String text = PREFIX + "\n" + fingerprint(query) + "\n" + (key == null ? "~" : "=" + key) + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor stands for, or null for the empty cursor of the first page.
     *
     * @throws BadRequestException {@code invalidCursor} if this store did not issue it for this query
     */
    static @Nullable Cursor read(String cursor, StoreQuery query) {
        if (cursor.isEmpty()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split("\n", 4);
        if (parts.length != 4 || !parts[0].equals(PREFIX) || !parts[1].equals(fingerprint(query))
                || parts[2].isEmpty() || (parts[2].charAt(0) != '~' && parts[2].charAt(0) != '=')) {
            throw invalid();
        }
        return new Cursor(parts[2].charAt(0) == '~' ? null : parts[2].substring(1), parts[3]);
    }

    private static String fingerprint(StoreQuery query) {
        return Integer.toHexString(Objects.hash(query.tenant(), query.resourceType().name(),
                String.valueOf(query.filter()), query.sort().toString()));
    }

    static BadRequestException invalid() {
        return BadRequestException.invalidCursor("The cursor was not issued for this query; repeat the query with "
                + "an empty cursor to start again from the first page.");
    }
}
