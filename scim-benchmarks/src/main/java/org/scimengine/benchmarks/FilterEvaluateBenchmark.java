package org.scimengine.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.FilterEvaluator;
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
import org.scimengine.core.filter.ResolvedFilter;

/**
 * Time to evaluate the {@link FilterCorpus#USER_EVALUATION} corpus in memory over the
 * {@value UserGenerator#COUNT} users of {@link UserGenerator}: scim-engine's {@link ResolvedFilter#matches}
 * against the UnboundID SCIM 2 SDK's {@link FilterEvaluator#evaluate}. Both sides get their filters parsed (and,
 * for ours, resolved against the User resource type) once at setup; one op = every corpus filter evaluated
 * against every user (40 × 10,000 = 400,000 evaluations), the number of matches of each filter going to the
 * {@link Blackhole}. An op takes from a few hundred milliseconds to seconds, so the mode is average time in ms/op
 * (throughput is its inverse); an iteration runs at least one whole op, so UnboundID's iterations last longer
 * than 2 s.
 *
 * <p>At setup it refuses to run unless every filter parses with both libraries, resolves with ours and
 * evaluates with UnboundID's without an exception, and it prints {@link EvaluationCrossCheck}'s report of where
 * the two disagree (a report, never a failure).
 *
 * <pre>
 * mvn -B -q -Pbench -pl scim-benchmarks -am package -DskipTests
 * java -jar scim-benchmarks/target/benchmarks.jar FilterEvaluateBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(2)
public class FilterEvaluateBenchmark {

    private ObjectNode[] users;
    private ResolvedFilter[] ours;
    private com.unboundid.scim2.common.filters.Filter[] theirs;

    /** Generates the users, parses the corpus with both libraries and prints the cross-check. */
    @Setup
    public void setUp() {
        List<ObjectNode> generated = UserGenerator.generate();
        List<String> corpus = FilterCorpus.USER_EVALUATION;
        List<String> failures = new ArrayList<>();
        for (String excluded : FilterCorpus.EXCLUDED_FROM_USER_EVALUATION) {
            if (!FilterCorpus.SHARED.contains(excluded)) {
                failures.add("not a shared filter, cannot be excluded: [" + excluded + "]");
            }
            try {
                EvaluationCrossCheck.resolve(excluded);
                failures.add("excluded, yet resolves against User now: [" + excluded + "]");
            } catch (RuntimeException expected) {
                // still rejected, as the exclusion says
            }
        }
        List<ResolvedFilter> resolved = new ArrayList<>();
        List<com.unboundid.scim2.common.filters.Filter> parsed = new ArrayList<>();
        for (String filter : corpus) {
            try {
                resolved.add(EvaluationCrossCheck.resolve(filter));
            } catch (RuntimeException e) {
                failures.add("scim-engine rejects [" + filter + "]: " + e.getMessage());
            }
            try {
                parsed.add(com.unboundid.scim2.common.filters.Filter.fromString(filter));
            } catch (Exception e) {
                failures.add("UnboundID rejects [" + filter + "]: " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The evaluation corpus must parse with both libraries:\n"
                    + String.join("\n", failures));
        }
        List<EvaluationCrossCheck.FilterResult> results =
                EvaluationCrossCheck.compare(corpus, resolved, parsed, generated);
        System.out.println();
        System.out.println(EvaluationCrossCheck.report(results, parsed, generated));
        for (EvaluationCrossCheck.FilterResult r : results) {
            if (r.errors() > 0) {
                throw new IllegalStateException("UnboundID's FilterEvaluator throws on [" + r.filter() + "]: "
                        + r.firstError());
            }
        }
        users = generated.toArray(new ObjectNode[0]);
        ours = resolved.toArray(new ResolvedFilter[0]);
        theirs = parsed.toArray(new com.unboundid.scim2.common.filters.Filter[0]);
    }

    @Benchmark
    public void scimEngine(Blackhole blackhole) {
        ObjectNode[] all = users;
        for (ResolvedFilter filter : ours) {
            int matches = 0;
            for (ObjectNode user : all) {
                if (filter.matches(user)) {
                    matches++;
                }
            }
            blackhole.consume(matches);
        }
    }

    @Benchmark
    public void unboundId(Blackhole blackhole) throws ScimException {
        ObjectNode[] all = users;
        for (com.unboundid.scim2.common.filters.Filter filter : theirs) {
            int matches = 0;
            for (ObjectNode user : all) {
                if (FilterEvaluator.evaluate(filter, user)) {
                    matches++;
                }
            }
            blackhole.consume(matches);
        }
    }
}
