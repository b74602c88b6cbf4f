package org.scimengine.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.scimengine.filter.FilterParser;

/**
 * Throughput of parsing the whole {@link FilterCorpus#SHARED} corpus once per operation: scim-engine's
 * ANTLR-based {@link FilterParser} against the UnboundID SCIM 2 SDK's hand-written
 * {@code com.unboundid.scim2.common.filters.Filter.fromString}. One op = every corpus filter parsed once.
 *
 * <pre>
 * mvn -B -q -Pbench -pl scim-benchmarks -am package -DskipTests
 * java -jar scim-benchmarks/target/benchmarks.jar FilterParseBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(2)
public class FilterParseBenchmark {

    private String[] corpus;
    private FilterParser parser;

    /** Loads the corpus and refuses to run unless every filter parses with both parsers. */
    @Setup
    public void setUp() {
        corpus = FilterCorpus.SHARED.toArray(new String[0]);
        parser = FilterParser.standard();
        List<String> failures = new ArrayList<>();
        for (String filter : corpus) {
            try {
                parser.parseFilter(filter);
            } catch (RuntimeException e) {
                failures.add("scim-engine rejects [" + filter + "]: " + e.getMessage());
            }
            try {
                com.unboundid.scim2.common.filters.Filter.fromString(filter);
            } catch (Exception e) {
                failures.add("UnboundID rejects [" + filter + "]: " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The shared corpus must parse with both parsers:\n"
                    + String.join("\n", failures));
        }
    }

    @Benchmark
    public void scimEngine(Blackhole blackhole) {
        FilterParser p = parser;
        for (String filter : corpus) {
            blackhole.consume(p.parseFilter(filter));
        }
    }

    @Benchmark
    public void unboundId(Blackhole blackhole) throws Exception {
        for (String filter : corpus) {
            blackhole.consume(com.unboundid.scim2.common.filters.Filter.fromString(filter));
        }
    }
}
