package org.scimengine.demo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The token bucket's algebra, over random rates, bursts and request timings. */
class TokenBucketPropertiesTest {

    private static final long START = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z in nanoseconds

    /** Some time passes, then some requests arrive at once. */
    record Step(long delayNanos, int requests) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> delays = Arbitraries.oneOf(
                Arbitraries.just(0L),
                Arbitraries.longs().between(1, 1_000),                   // nanoseconds: rounding territory
                Arbitraries.longs().between(1_000, 50_000_000),          // up to 50 ms
                Arbitraries.longs().between(50_000_000, 5_000_000_000L)); // up to 5 s
        Arbitrary<Integer> requests = Arbitraries.integers().between(0, 300);
        return Combinators.combine(delays, requests).as(Step::new).list().ofMaxSize(60);
    }

    @Property
    void neverAllowsMoreThanTheBurstPlusTheRateTimesTheElapsedTime(
            @ForAll @IntRange(min = 1, max = 1_000) int rate,
            @ForAll @IntRange(min = 1, max = 500) int burst,
            @ForAll("steps") List<Step> steps) {
        TokenBucket bucket = new TokenBucket(rate, burst, START);
        long now = START;
        long allowed = 0;
        for (Step step : steps) {
            now += step.delayNanos();
            for (int i = 0; i < step.requests(); i++) {
                if (bucket.tryTake(now) == 0) {
                    allowed++;
                }
            }
            // allowed <= burst + rate × elapsed seconds, in exact integers (billionths of a token).
            long elapsed = now - START;
            assertThat(allowed * TokenBucket.UNIT).isLessThanOrEqualTo(burst * TokenBucket.UNIT + rate * elapsed);
        }
    }

    @Property
    void aFullBucketAllowsExactlyTheBurstAtOnce(
            @ForAll @IntRange(min = 1, max = 1_000) int rate,
            @ForAll @IntRange(min = 1, max = 500) int burst) {
        TokenBucket bucket = new TokenBucket(rate, burst, START);
        int allowed = 0;
        for (int i = 0; i < burst + 10; i++) {
            if (bucket.tryTake(START) == 0) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(burst);
    }

    @Property
    void theAnnouncedWaitIsExactlyEnough(
            @ForAll @IntRange(min = 1, max = 1_000) int rate,
            @ForAll @IntRange(min = 1, max = 50) int burst,
            @ForAll @LongRange(min = 0, max = 3_000_000_000L) long pause,
            @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 60) Integer> extra) {
        TokenBucket bucket = new TokenBucket(rate, burst, START);
        long now = START;
        for (int i = 0; i < burst; i++) {
            bucket.tryTake(now);
        }
        now += pause;
        for (int requests : extra) {
            for (int i = 0; i < requests; i++) {
                bucket.tryTake(now);
            }
        }
        long wait = bucket.tryTake(now);
        if (wait == 0) {
            return; // a token was there: nothing to wait for
        }
        // One nanosecond less is not enough; the wait itself is.
        assertThat(bucket.tryTake(now + wait - 1)).isPositive();
        assertThat(bucket.tryTake(now + wait)).isZero();
    }

    @Property
    void requestsAtTheSustainedRateAreNeverRefused(
            @ForAll @IntRange(min = 1, max = 1_000) int rate,
            @ForAll @IntRange(min = 1, max = 500) int burst,
            @ForAll @IntRange(min = 1, max = 2_000) int requests) {
        TokenBucket bucket = new TokenBucket(rate, burst, START);
        long interval = -Math.floorDiv(-TokenBucket.UNIT, rate); // 1/rate seconds, rounded up
        long now = START;
        for (int i = 0; i < requests; i++) {
            assertThat(bucket.tryTake(now)).isZero();
            now += interval;
        }
    }
}
