package org.scimengine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.SchemaRegistry;
import org.scimengine.filter.And;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.Comparison;
import org.scimengine.filter.FilterParser;
import org.scimengine.filter.FilterVisitor;
import org.scimengine.filter.Not;
import org.scimengine.filter.Or;
import org.scimengine.filter.Presence;
import org.scimengine.filter.ValuePath;

/**
 * Compares scim-engine's {@link ResolvedFilter#matches} with the UnboundID SDK's {@link FilterEvaluator} on
 * every (filter, user) pair and reports, per filter, how many users each side matches and where they disagree,
 * with one example user for each disagreeing filter. It reports; it never fails.
 *
 * <p>{@code FilterEvaluateBenchmark} prints this report at setup. To print it without a JMH run:
 * <pre>
 * java -cp scim-benchmarks/target/benchmarks.jar org.scimengine.benchmarks.EvaluationCrossCheck
 * </pre>
 */
public final class EvaluationCrossCheck {

    /** How many disagreeing filters get an example user in the report. */
    private static final int EXAMPLES = 12;

    /** One filter's comparison over all users. */
    record FilterResult(int index, String filter, ResolvedFilter resolved, int ours, int theirs, int oursOnly,
            int theirsOnly, int errors, int exampleUser, String firstError) {

        int disagreements() {
            return oursOnly + theirsOnly + errors;
        }
    }

    private EvaluationCrossCheck() {
    }

    public static void main(String[] args) throws Exception {
        List<ObjectNode> users = UserGenerator.generate();
        List<String> filters = FilterCorpus.USER_EVALUATION;
        List<ResolvedFilter> ours = new ArrayList<>();
        List<com.unboundid.scim2.common.filters.Filter> theirs = new ArrayList<>();
        for (String filter : filters) {
            ours.add(resolve(filter));
            theirs.add(com.unboundid.scim2.common.filters.Filter.fromString(filter));
        }
        System.out.println(report(compare(filters, ours, theirs, users), theirs, users));
    }

    /** scim-engine's resolution against the standard User resource type. */
    static ResolvedFilter resolve(String filter) {
        return ResolvedFilter.parse(filter, FilterParser.standard(), SchemaRegistry.standard(), CoreSchemas.USER_TYPE);
    }

    /** Evaluates every pair with both libraries. */
    static List<FilterResult> compare(List<String> filters, List<ResolvedFilter> ours,
            List<com.unboundid.scim2.common.filters.Filter> theirs, List<? extends JsonNode> users) {
        List<FilterResult> results = new ArrayList<>();
        for (int f = 0; f < filters.size(); f++) {
            int oursCount = 0;
            int theirsCount = 0;
            int oursOnly = 0;
            int theirsOnly = 0;
            int errors = 0;
            int example = -1;
            String firstError = null;
            for (int u = 0; u < users.size(); u++) {
                JsonNode user = users.get(u);
                boolean a = ours.get(f).matches(user);
                boolean b;
                try {
                    b = FilterEvaluator.evaluate(theirs.get(f), user);
                } catch (ScimException | RuntimeException e) {
                    errors++;
                    if (firstError == null) {
                        firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
                        example = example < 0 ? u : example;
                    }
                    oursCount += a ? 1 : 0;
                    continue;
                }
                oursCount += a ? 1 : 0;
                theirsCount += b ? 1 : 0;
                if (a != b) {
                    if (a) {
                        oursOnly++;
                    } else {
                        theirsOnly++;
                    }
                    example = example < 0 ? u : example;
                }
            }
            results.add(new FilterResult(f, filters.get(f), ours.get(f), oursCount, theirsCount, oursOnly, theirsOnly,
                    errors, example, firstError));
        }
        return results;
    }

    /** The whole report: per-filter counts, then examples for the most disagreeing filters. */
    static String report(List<FilterResult> results, List<com.unboundid.scim2.common.filters.Filter> theirs,
            List<? extends JsonNode> users) {
        StringBuilder out = new StringBuilder();
        long pairs = (long) results.size() * users.size();
        long disagreeing = results.stream().mapToLong(FilterResult::disagreements).sum();
        out.append(String.format(Locale.ROOT, "Evaluation cross-check: %d filters x %d users = %,d pairs;"
                + " scim-engine and UnboundID disagree on %,d pairs in %d filters%n", results.size(), users.size(),
                pairs, disagreeing, results.stream().filter(r -> r.disagreements() > 0).count()));
        out.append(String.format(Locale.ROOT, "%3s %7s %7s %7s %7s %6s  %s%n", "#", "ours", "theirs", "oursOnly",
                "thrOnly", "errors", "filter"));
        for (FilterResult r : results) {
            out.append(String.format(Locale.ROOT, "%3d %7d %7d %7d %7d %6d  %s%n", r.index(), r.ours(), r.theirs(),
                    r.oursOnly(), r.theirsOnly(), r.errors(), abbreviate(r.filter(), 110)));
        }
        List<FilterResult> disagreeingFilters = results.stream().filter(r -> r.disagreements() > 0)
                .sorted(Comparator.comparingInt(FilterResult::disagreements).reversed()).limit(EXAMPLES).toList();
        for (FilterResult r : disagreeingFilters) {
            JsonNode user = users.get(r.exampleUser());
            out.append(String.format(Locale.ROOT, "%n[#%d] %,d disagreements (ours only %,d, UnboundID only %,d,"
                    + " UnboundID errors %,d): %s%n", r.index(), r.disagreements(), r.oursOnly(), r.theirsOnly(),
                    r.errors(), abbreviate(r.filter(), 160)));
            out.append("    example user #").append(r.exampleUser()).append(" (id ").append(user.path("id").asText())
                    .append("):\n");
            for (String line : relevant(r.resolved(), user)) {
                out.append("      ").append(line).append('\n');
            }
            out.append("    scim-engine: ").append(r.resolved().matches(user));
            try {
                out.append(", UnboundID: ").append(FilterEvaluator.evaluate(theirs.get(r.index()), user));
            } catch (ScimException | RuntimeException e) {
                out.append(", UnboundID throws ").append(e.getClass().getSimpleName()).append(": ")
                        .append(e.getMessage());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The user's values at every top-level path the (canonical) filter names. */
    private static List<String> relevant(ResolvedFilter filter, JsonNode user) {
        Set<AttributePath> paths = new LinkedHashSet<>();
        filter.filter().accept(new PathCollector(paths));
        Set<String> seen = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        for (AttributePath path : paths) {
            JsonNode container = path.schemaUrn() == null ? user : user.path(path.schemaUrn());
            JsonNode value = container.get(path.name());
            String label = (path.schemaUrn() == null ? "" : "<enterprise>:") + path.name();
            if (path.subAttribute() != null && value != null && value.isObject()) {
                value = value.get(path.subAttribute());
                label += "." + path.subAttribute();
            }
            if (seen.add(label)) {
                lines.add(label + " = " + (value == null ? "(absent)" : abbreviate(value.toString(), 200)));
            }
        }
        return lines;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Collects the top-level paths of a filter; a value path contributes its attribute. */
    private record PathCollector(Set<AttributePath> paths) implements FilterVisitor<Void> {

        @Override
        public Void visitComparison(Comparison comparison) {
            paths.add(comparison.attribute());
            return null;
        }

        @Override
        public Void visitPresence(Presence presence) {
            paths.add(presence.attribute());
            return null;
        }

        @Override
        public Void visitAnd(And and) {
            and.left().accept(this);
            and.right().accept(this);
            return null;
        }

        @Override
        public Void visitOr(Or or) {
            or.left().accept(this);
            or.right().accept(this);
            return null;
        }

        @Override
        public Void visitNot(Not not) {
            not.operand().accept(this);
            return null;
        }

        @Override
        public Void visitValuePath(ValuePath valuePath) {
            paths.add(new AttributePath(valuePath.attribute().schemaUrn(), valuePath.attribute().name(), null));
            return null;
        }
    }
}
