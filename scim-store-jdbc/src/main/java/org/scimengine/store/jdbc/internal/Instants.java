package org.scimengine.store.jdbc.internal;

import java.time.Instant;

/**
 * Instants as fixed-width digit strings whose text order is time order, so that dateTime comparisons and sorts
 * run on an indexed text column in SQLite and PostgreSQL alike, at nanosecond precision and over the whole
 * range of {@link Instant}.
 */
final class Instants {

    /** Shifts every epoch second of {@link Instant}'s range to a positive number of at most 18 digits. */
    private static final long OFFSET = 100_000_000_000_000_000L;

    private Instants() {
    }

    static String encode(Instant instant) {
        return String.format("%018d%09d", instant.getEpochSecond() + OFFSET, instant.getNano());
    }

    static Instant decode(String encoded) {
        long seconds = Long.parseLong(encoded, 0, 18, 10) - OFFSET;
        long nanos = Long.parseLong(encoded, 18, 27, 10);
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
