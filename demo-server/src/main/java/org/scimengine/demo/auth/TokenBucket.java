package org.scimengine.demo.auth;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A token bucket without locks: {@code burst} tokens at most, {@code rate} more each second, one per request.
 * Tokens are counted in billionths so that a refill over any number of nanoseconds is exact integer arithmetic:
 * no rounding lets more through than {@code burst + rate × elapsed seconds}.
 */
final class TokenBucket {

    /** Billionths of a token per token; a request takes one token. */
    static final long UNIT = 1_000_000_000L;

    private final long rate;
    private final long capacity;
    private final AtomicReference<State> state;

    /** The tokens (in billionths) there were at a time (in nanoseconds). */
    private record State(long tokens, long at) {
    }

    /**
     * A full bucket.
     *
     * @param rate tokens per second, which is also billionths of a token per nanosecond
     * @param burst the most tokens it holds
     * @param now the time, in nanoseconds
     */
    TokenBucket(long rate, long burst, long now) {
        this.rate = rate;
        this.capacity = Math.multiplyExact(burst, UNIT);
        this.state = new AtomicReference<>(new State(capacity, now));
    }

    /**
     * Takes a token if there is one.
     *
     * @param now the time, in nanoseconds; a time before the last one counts as the last one
     * @return 0 if a token was taken, else the nanoseconds until there is one
     */
    long tryTake(long now) {
        while (true) {
            State current = state.get();
            long at = Math.max(now, current.at());
            long tokens = refilled(current.tokens(), at - current.at());
            if (tokens < UNIT) {
                // Nothing to write: the refill is worked out from the same state next time.
                return ceilDiv(UNIT - tokens, rate);
            }
            if (state.compareAndSet(current, new State(tokens - UNIT, at))) {
                return 0;
            }
        }
    }

    private long refilled(long tokens, long elapsed) {
        long missing = capacity - tokens;
        // Compared before multiplying, so that a long idle time cannot overflow.
        if (elapsed >= ceilDiv(missing, rate)) {
            return capacity;
        }
        return tokens + elapsed * rate;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
