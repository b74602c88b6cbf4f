package org.scimengine.store.memory.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.spi.StoreQuery;

/**
 * Cursors (RFC 9865) as opaque tokens over a position in the query's sorted matches. A token also carries a
 * fingerprint of the query, so a cursor from another query (or tampered with) is refused rather than read as a
 * position in the wrong list.
 */
final class Cursors {

    private static final String PREFIX = "mem1:";

    private Cursors() {
    }

    static String issue(int offset, StoreQuery query) {
        String text = PREFIX + offset + ":" + fingerprint(query);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor stands for: 0 for the empty cursor of the first page.
     *
     * @throws BadRequestException {@code invalidCursor} if this store did not issue it for this query
     */
    static int read(String cursor, StoreQuery query) {
        if (cursor.isEmpty()) {
            return 0;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!text.startsWith(PREFIX)) {
            throw invalid();
        }
        String[] parts = text.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 2 || !parts[1].equals(fingerprint(query))) {
            throw invalid();
        }
        try {
            int offset = Integer.parseInt(parts[0]);
            if (offset < 0) {
                throw invalid();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String fingerprint(StoreQuery query) {
        return Integer.toHexString(Objects.hash(query.tenant(), query.resourceType().name(),
                String.valueOf(query.filter()), query.sort().toString()));
    }

    private static BadRequestException invalid() {
        return BadRequestException.invalidCursor("The cursor was not issued for this query; repeat the query with "
                + "an empty cursor to start again from the first page.");
    }
}
