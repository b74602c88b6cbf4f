package org.scimengine.filter;

import java.math.BigDecimal;

/** Terse AST construction for expected values in tests; builds records directly, never through the parser. */
final class Ast {

    private Ast() {
    }

    /** {@code urn:...:name.sub}, split the way the grammar specifies: URN up to the last colon, then one dot. */
    static AttributePath path(String text) {
        int colon = text.lastIndexOf(':');
        String urn = colon < 0 ? null : text.substring(0, colon);
        String rest = text.substring(colon + 1);
        int dot = rest.indexOf('.');
        return dot < 0
                ? new AttributePath(urn, rest, null)
                : new AttributePath(urn, rest.substring(0, dot), rest.substring(dot + 1));
    }

    static Filter cmp(String path, CompareOp op, FilterValue value) {
        return new Comparison(path(path), op, value);
    }

    static Filter cmp(String path, CompareOp op, String value) {
        return cmp(path, op, FilterValue.of(value));
    }

    static Filter eq(String path, String value) {
        return cmp(path, CompareOp.EQ, value);
    }

    static Filter num(String path, CompareOp op, String number) {
        return cmp(path, op, FilterValue.of(new BigDecimal(number)));
    }

    static Filter pr(String path) {
        return new Presence(path(path));
    }

    static Filter and(Filter left, Filter right) {
        return new And(left, right);
    }

    static Filter or(Filter left, Filter right) {
        return new Or(left, right);
    }

    static Filter not(Filter operand) {
        return new Not(operand);
    }

    static Filter vp(String path, Filter filter) {
        return new ValuePath(path(path), filter);
    }
}
