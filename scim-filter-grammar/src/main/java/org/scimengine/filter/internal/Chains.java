package org.scimengine.filter.internal;

import org.scimengine.filter.And;
import org.scimengine.filter.Filter;
import org.scimengine.filter.Or;

/**
 * Equality, hashing and operand access for {@code and}/{@code or} chains, walking the left spine in a loop: a
 * chain folds left, so a long one built in code would otherwise cost a stack frame per term.
 */
public final class Chains {

    private Chains() {
    }

    /** Whether {@code node} is a link of a chain of {@code chain}'s operator. */
    static boolean sameOperator(Filter node, Filter chain) {
        return node.getClass() == chain.getClass();
    }

    static Filter left(Filter link) {
        return link instanceof And and ? and.left() : ((Or) link).left();
    }

    static Filter right(Filter link) {
        return link instanceof And and ? and.right() : ((Or) link).right();
    }

    /** Structural equality of a chain ({@link And} or {@link Or}) and another object. */
    public static boolean equal(Filter chain, Object other) {
        if (other == chain) {
            return true;
        }
        Filter mine = chain;
        Object theirs = other;
        while (mine.getClass() == chain.getClass() && theirs.getClass() == chain.getClass()) {
            if (!right(mine).equals(right((Filter) theirs))) {
                return false;
            }
            mine = left(mine);
            theirs = left((Filter) theirs);
        }
        return mine.getClass() != chain.getClass() && theirs.getClass() != chain.getClass() && mine.equals(theirs);
    }

    /** A hash of a chain; {@code seed} tells {@code and} from {@code or} over the same operands. */
    public static int hash(Filter chain, int seed) {
        int hash = seed;
        Filter node = chain;
        while (node.getClass() == chain.getClass()) {
            hash = 31 * hash + right(node).hashCode();
            node = left(node);
        }
        return 31 * hash + node.hashCode();
    }
}
