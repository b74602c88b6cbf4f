package org.scimengine.benchmarks.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs a JDBC benchmark and its baseline in interleaved rounds on one dialect: each round runs one JMH fork of
 * each side of every pair, the order of the two sides swapped from one round to the next, so that a slow spell
 * of the shared machine hits both. It prints each round and, per pair, the range of each side and of their ratio.
 *
 * <pre>
 * java -cp scim-benchmarks/target/benchmarks.jar org.scimengine.benchmarks.jdbc.JdbcRounds lookup sqlite 1000000 3
 * </pre>
 *
 * <ul>
 *   <li>{@code lookup}: {@link JdbcLookupBenchmark}, engine against bare, for userName and externalId
 *       (target: engine ≤ 3 × bare);</li>
 *   <li>{@code members}: {@link JdbcMemberAddBenchmark}, the group of N against the group of 10, for the engine's
 *       PATCH and the store's changeMembers (target: ratio ≤ 1.5);</li>
 *   <li>{@code members-full}: the PATCH with the full response, group of N against 10, single-shot (a call
 *       renders every member);</li>
 *   <li>{@code page}: {@link JdbcPageBenchmark}, engine against bare, unfiltered (target: engine ≤ 20 ms) and
 *       {@code co}.</li>
 * </ul>
 *
 * The summary is also appended to {@code <dir>/rounds-<suite>-<dialect>-<N>.txt}. JMH's own output goes to stdout
 * as usual.
 */
public final class JdbcRounds {

    private JdbcRounds() {
    }

    /** One benchmark method with its parameters, and how it is run. */
    private record Side(String label, Class<?> type, String method, Map<String, String> params, boolean singleShot) {
    }

    /** Two sides whose ratio (first / second) is the figure. */
    private record Pair(String name, Side first, Side second, String target) {
    }

    private record Score(double score, double error, String unit, int samples) {
    }

    public static void main(String[] args) throws RunnerException {
        if (args.length < 3) {
            System.err.println("usage: JdbcRounds lookup|members|members-full|page sqlite|postgresql <users> [rounds]");
            System.exit(2);
        }
        String suite = args[0];
        String dialect = args[1];
        int users = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String n = Integer.toString(users);
        String small = Integer.toString(BenchDatabase.SMALL_GROUP);
        List<Pair> pairs = switch (suite) {
            case "lookup" -> List.of(
                    new Pair("userName eq", side("engine", JdbcLookupBenchmark.class, "engineUserName"),
                            side("bare", JdbcLookupBenchmark.class, "bareUserName"), "engine / bare <= 3"),
                    new Pair("externalId eq", side("engine", JdbcLookupBenchmark.class, "engineExternalId"),
                            side("bare", JdbcLookupBenchmark.class, "bareExternalId"), "engine / bare <= 3"));
            case "members" -> List.of(
                    new Pair("engine PATCH add member (excludedAttributes=members)",
                            new Side("group of " + n, JdbcMemberAddBenchmark.class, "enginePatch",
                                    Map.of("groupSize", n), false),
                            new Side("group of 10", JdbcMemberAddBenchmark.class, "enginePatch",
                                    Map.of("groupSize", small), false), "N / 10 <= 1.5"),
                    new Pair("store changeMembers add one",
                            new Side("group of " + n, JdbcMemberAddBenchmark.class, "storeChangeMembers",
                                    Map.of("groupSize", n), false),
                            new Side("group of 10", JdbcMemberAddBenchmark.class, "storeChangeMembers",
                                    Map.of("groupSize", small), false), "N / 10 <= 1.5"));
            case "members-full" -> List.of(
                    new Pair("engine PATCH add member, full response",
                            new Side("group of " + n, JdbcMemberAddBenchmark.class, "enginePatchFullResponse",
                                    Map.of("groupSize", n), true),
                            new Side("group of 10", JdbcMemberAddBenchmark.class, "enginePatchFullResponse",
                                    Map.of("groupSize", small), true), "(no target; N / 10)"));
            case "page" -> List.of(
                    new Pair("first page of 100, unfiltered",
                            side("engine", JdbcPageBenchmark.class, "enginePageUnfiltered"),
                            side("bare", JdbcPageBenchmark.class, "barePageUnfiltered"), "engine <= 20 ms"),
                    new Pair("first page of 100, userName co \"" + JdbcPageBenchmark.CONTAINS + "\"",
                            side("engine", JdbcPageBenchmark.class, "enginePageContains"),
                            side("bare", JdbcPageBenchmark.class, "bareContains"), "(report)"));
            default -> throw new IllegalArgumentException("unknown suite " + suite);
        };

        List<List<Score[]>> scores = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            scores.add(new ArrayList<>());
        }
        for (int round = 1; round <= rounds; round++) {
            for (int p = 0; p < pairs.size(); p++) {
                Pair pair = pairs.get(p);
                Score[] both = new Score[2];
                boolean swap = round % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    int which = swap ? 1 - k : k;
                    both[which] = run(which == 0 ? pair.first() : pair.second(), dialect, users);
                }
                scores.get(p).add(both);
                System.out.printf(Locale.ROOT, "%n>>> round %d, %s: %s %s, %s %s, ratio %.2f%n%n", round, pair.name(),
                        pair.first().label(), format(both[0]), pair.second().label(), format(both[1]),
                        both[0].score() / both[1].score());
            }
        }

        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s, %s, %,d users, %d rounds, finished %s", suite, dialect, users, rounds,
                Instant.now()));
        for (int p = 0; p < pairs.size(); p++) {
            Pair pair = pairs.get(p);
            out.add("  " + pair.name() + "   target: " + pair.target());
            double[] range = {Double.MAX_VALUE, 0, Double.MAX_VALUE, 0, Double.MAX_VALUE, 0};
            int round = 1;
            for (Score[] both : scores.get(p)) {
                double ratio = both[0].score() / both[1].score();
                out.add(String.format(Locale.ROOT, "    round %d: %-14s %s   %-12s %s   ratio %.2f", round++,
                        pair.first().label(), format(both[0]), pair.second().label(), format(both[1]), ratio));
                update(range, 0, both[0].score());
                update(range, 2, both[1].score());
                update(range, 4, ratio);
            }
            out.add(String.format(Locale.ROOT, "    range: %s %s–%s %s, %s %s–%s %s, ratio %.2f–%.2f",
                    pair.first().label(), number(range[0]), number(range[1]), scores.get(p).get(0)[0].unit(),
                    pair.second().label(), number(range[2]), number(range[3]), scores.get(p).get(0)[1].unit(),
                    range[4], range[5]));
        }
        System.out.println();
        out.forEach(System.out::println);
        Path file = BenchDatabase.sqliteFile(users).resolveSibling("rounds-" + suite + "-" + dialect + "-" + users
                + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Side side(String label, Class<?> type, String method) {
        return new Side(label, type, method, Map.of(), false);
    }

    private static void update(double[] range, int at, double value) {
        range[at] = Math.min(range[at], value);
        range[at + 1] = Math.max(range[at + 1], value);
    }

    private static Score run(Side side, String dialect, int users) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(side.type().getName() + "." + side.method()) + "$")
                .param("dialect", dialect)
                .param("users", Integer.toString(users))
                .forks(1);
        side.params().forEach(options::param);
        if (side.singleShot()) {
            options.mode(Mode.SingleShotTime).warmupIterations(1).measurementIterations(3)
                    .timeUnit(java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        RunResult result = new Runner(options.build()).runSingle();
        Result<?> primary = result.getPrimaryResult();
        return new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit(),
                (int) primary.getSampleCount());
    }

    private static String format(Score score) {
        return number(score.score()) + " ± " + number(Double.isNaN(score.error()) ? 0 : score.error()) + " "
                + score.unit();
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
