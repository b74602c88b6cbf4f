package org.scimengine.core.internal.engine;

import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.PreconditionFailedException;
import org.scimengine.core.spi.StoredResource;

/** {@code If-Match} (RFC 7232 §3.1) against a stored version: weak comparison, a list, or {@code *}. */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * @param ifMatch the entity tags the client expects ({@code W/"3"}, {@code "3"}, a comma-separated list, or
     *     {@code *}), or null for no condition
     * @throws PreconditionFailedException if none matches the current version
     */
    public static void requireMatch(@Nullable String ifMatch, StoredResource current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || opaque(candidate).equals(Long.toString(current.version()))) {
                return;
            }
        }
        throw new PreconditionFailedException("the resource is at version " + current.etag() + ", not " + ifMatch.trim()
                + "; read it again and retry with its current version");
    }

    /** Whether any of {@code ifNoneMatch} matches the version: a GET answers 304 Not Modified then. */
    public static boolean matchesAny(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || opaque(candidate).equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** The opaque part of an entity tag, weak or strong, quoted or not. */
    private static String opaque(String tag) {
        String value = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }
}
