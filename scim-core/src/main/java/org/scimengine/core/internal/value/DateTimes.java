package org.scimengine.core.internal.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * {@code xsd:dateTime} values (RFC 7643 §2.3.5) as instants, so that {@code 2011-05-13T06:42:34+02:00} and
 * {@code 2011-05-13T04:42:34Z} compare equal. A value without an offset is read as UTC.
 */
public final class DateTimes {

    private DateTimes() {
    }

    public static Optional<Instant> parse(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
                    text, OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
