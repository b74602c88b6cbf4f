package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/** One parser instance serves many threads: results under contention equal those of a single thread. */
class FilterParserConcurrencyTest {

    private static final int THREADS = 8;

    @Test
    void oneParserGivesEveryThreadTheSameResultsAsASingleThread() throws Exception {
        Arbitrary<Filter> filters = FilterArbitraries.filters(4);
        List<String> texts = filters.map(Filter::toString).sampleStream().limit(300).toList();
        List<String> malformed = texts.stream().map(t -> t.substring(0, t.length() / 2) + ")(").toList();
        FilterParser parser = FilterParser.standard();
        List<Object> expected = parseAll(parser, texts, malformed);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Object>>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return parseAll(parser, texts, malformed);
                }));
            }
            start.countDown();
            for (Future<List<Object>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Filters, and for malformed input the error's offset and message. */
    private static List<Object> parseAll(FilterParser parser, List<String> texts, List<String> malformed) {
        List<Object> out = new ArrayList<>();
        for (String text : texts) {
            out.add(parser.parseFilter(text));
        }
        for (String text : malformed) {
            try {
                out.add(parser.parseFilter(text));
            } catch (FilterSyntaxException e) {
                out.add(e.offset() + ": " + e.getMessage());
            }
        }
        return out;
    }
}
