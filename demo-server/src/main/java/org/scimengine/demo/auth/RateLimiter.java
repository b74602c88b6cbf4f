package org.scimengine.demo.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per credential ({@link Caller#rateKey()}): each may send {@code burst} requests at once and
 * {@code rate} per second after that; beyond, the HTTP layer answers 429 with the {@code Retry-After} this
 * gives. The defaults are four times what Entra ID promises to stay under (25 requests per second per tenant),
 * so an identity provider is never slowed, while a runaway script is. Thread-safe and lock-free.
 *
 * <p>A bucket is kept per credential that ever authenticated, which the accounts database bounds.
 */
public final class RateLimiter {

    /** Requests per second, by default. */
    public static final int DEFAULT_RATE = 100;
    /** Requests at once, by default. */
    public static final int DEFAULT_BURST = 200;
    /** Keeps {@code burst × 10^9} within a long, with room to spare. */
    static final int MAX_SETTING = 1_000_000;

    private final long rate;
    private final long burst;
    private final Clock clock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** An answer: go ahead, or wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    /**
     * @param rate requests per second each credential may send, sustained
     * @param burst requests each may send at once
     * @param clock the time buckets refill by
     * @throws IllegalArgumentException unless both are between 1 and 1,000,000
     */
    public RateLimiter(int rate, int burst, Clock clock) {
        if (rate < 1 || rate > MAX_SETTING || burst < 1 || burst > MAX_SETTING) {
            throw new IllegalArgumentException("the rate and burst must be between 1 and " + MAX_SETTING
                    + " requests, were " + rate + " and " + burst);
        }
        this.rate = rate;
        this.burst = burst;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** With the defaults: {@value #DEFAULT_RATE} per second, bursts of {@value #DEFAULT_BURST}. */
    public static RateLimiter withDefaults(Clock clock) {
        return new RateLimiter(DEFAULT_RATE, DEFAULT_BURST, clock);
    }

    /**
     * Counts a request of a credential.
     *
     * @return allowed, or the whole seconds to wait before the next request would be (at least 1), for a
     *     {@code Retry-After} header
     */
    public Decision acquire(String key) {
        long now = nanos(clock.instant());
        TokenBucket bucket = buckets.computeIfAbsent(Objects.requireNonNull(key, "key"),
                k -> new TokenBucket(rate, burst, now));
        long wait = bucket.tryTake(now);
        if (wait == 0) {
            return Decision.ALLOWED;
        }
        return new Decision(false, Math.max(1, -Math.floorDiv(-wait, TokenBucket.UNIT)));
    }

    /** Requests per second. */
    public long rate() {
        return rate;
    }

    /** Requests at once. */
    public long burst() {
        return burst;
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), TokenBucket.UNIT), instant.getNano());
    }
}
