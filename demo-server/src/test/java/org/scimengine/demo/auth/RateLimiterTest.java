package org.scimengine.demo.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scimengine.demo.testing.MutableClock;

class RateLimiterTest {

    private final MutableClock clock = MutableClock.atNewYear();

    @Test
    void theDefaultsAreWellAboveEntrasTwentyFivePerSecond() {
        RateLimiter limiter = RateLimiter.withDefaults(clock);
        assertThat(limiter.rate()).isEqualTo(100);
        assertThat(limiter.burst()).isEqualTo(200);
        // Entra's pace for a whole minute never waits.
        for (int i = 0; i < 25 * 60; i++) {
            assertThat(limiter.acquire("integration:entra").allowed()).isTrue();
            clock.advance(Duration.ofMillis(40));
        }
    }

    @Test
    void aBurstIsAllowedThenTheNextRequestMustWait() {
        RateLimiter limiter = new RateLimiter(10, 20, clock);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire("k").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("k");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofMillis(99));
        assertThat(limiter.acquire("k").allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.acquire("k").allowed()).isTrue();
        assertThat(limiter.acquire("k").allowed()).isFalse();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilATokenIsBack() {
        RateLimiter limiter = new RateLimiter(1, 1, clock);
        assertThat(limiter.acquire("k").allowed()).isTrue();
        assertThat(limiter.acquire("k").retryAfterSeconds()).isEqualTo(1);

        RateLimiter slow = new RateLimiter(1, 3, clock);
        for (int i = 0; i < 3; i++) {
            slow.acquire("k");
        }
        clock.advance(Duration.ofMillis(100));
        // 0.9 s to go is announced as 1 s: never less than what is needed.
        assertThat(slow.acquire("k").retryAfterSeconds()).isEqualTo(1);
        clock.advance(Duration.ofMillis(900));
        assertThat(slow.acquire("k").allowed()).isTrue();
    }

    @Test
    void aRefusalUsesNoToken() {
        RateLimiter limiter = new RateLimiter(1, 1, clock);
        limiter.acquire("k");
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.acquire("k").allowed()).isFalse();
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire("k").allowed()).isTrue();
    }

    @Test
    void anIdleBucketFillsUpToTheBurstAndNoMore() {
        RateLimiter limiter = new RateLimiter(100, 5, clock);
        limiter.acquire("k");
        clock.advance(Duration.ofDays(3650));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("k").allowed()).isTrue();
        }
        assertThat(limiter.acquire("k").allowed()).isFalse();
    }

    @Test
    void everyCredentialHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, 2, clock);
        limiter.acquire("integration:a");
        limiter.acquire("integration:a");
        assertThat(limiter.acquire("integration:a").allowed()).isFalse();
        assertThat(limiter.acquire("integration:b").allowed()).isTrue();
        assertThat(limiter.acquire("client:c").allowed()).isTrue();
    }

    @Test
    void aClockSetBackGivesNoTokens() {
        RateLimiter limiter = new RateLimiter(1, 1, clock);
        limiter.acquire("k");
        clock.advance(Duration.ofHours(-1));
        assertThat(limiter.acquire("k").allowed()).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(limiter.acquire("k").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire("k").allowed()).isTrue();
    }

    @Test
    void concurrentRequestsTakeExactlyTheBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(1, 200, clock);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < 100; i++) {
                        if (limiter.acquire("shared").allowed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                }));
            }
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, 10, clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the rate and burst must be between 1 and 1000000 requests, were 0 and 10");
        assertThatThrownBy(() -> new RateLimiter(10, 0, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(10, 1_000_001, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
