package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One parser instance serves many threads. ANTLR shares a prediction cache between parser instances and
 * fills it on first use, so the threads must race on a cold cache: the check runs in a fresh JVM, where
 * sixteen threads start parsing together before anything else has parsed, and their results are compared
 * with a single-threaded parse done afterwards.
 */
class FilterParserConcurrencyTest {

    private static final int THREADS = 16;

    @Test
    void threadsRacingOnAColdParserGetTheSameResultsAsOneThread() throws Exception {
        assertThat(FreshJvm.run(List.of(), FilterParserConcurrencyTest.class, Integer.toString(THREADS)))
                .as("exit status").isZero();
    }

    /** In the fresh JVM: exits 0 when every thread's results equal the sequential ones. */
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        // Generating the texts prints and builds ASTs but never parses, so the parser stays cold.
        List<String> texts = new ArrayList<>(FilterArbitraries.filters(4).map(Filter::toString)
                .sampleStream().limit(300).toList());
        texts.addAll(texts.stream().map(t -> t.substring(0, t.length() / 2) + ")(").toList());
        FilterParser parser = FilterParser.standard();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Object>>> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return parseAll(parser, texts);
                }));
            }
            start.countDown();
            List<Object> expected = null;
            for (Future<List<Object>> result : results) {
                List<Object> actual = result.get();
                if (expected == null) {
                    expected = parseAll(parser, texts);
                }
                if (!actual.equals(expected)) {
                    System.err.println("a thread's results differ from the sequential parse");
                    System.exit(1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.exit(0);
    }

    /** Filters, and for malformed input the error's offset and message. */
    private static List<Object> parseAll(FilterParser parser, List<String> texts) {
        List<Object> out = new ArrayList<>();
        for (String text : texts) {
            try {
                out.add(parser.parseFilter(text));
            } catch (FilterSyntaxException e) {
                out.add(e.offset() + ": " + e.getMessage());
            }
        }
        return out;
    }
}
