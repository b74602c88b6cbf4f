package org.scimengine.filter;

/**
 * One method per {@link Filter} node type, so that an evaluator or translator that misses a node type fails
 * to compile rather than at run time.
 *
 * @param <R> the result type
 * @since 0.1
 */
public interface FilterVisitor<R> {

    R visitComparison(Comparison comparison);

    R visitPresence(Presence presence);

    R visitAnd(And and);

    R visitOr(Or or);

    R visitNot(Not not);

    R visitValuePath(ValuePath valuePath);
}
