package org.scimengine.filter;

import java.util.concurrent.atomic.AtomicReference;
import org.scimengine.filter.FilterPropertiesTest.NestingShape;

/**
 * Run in a fresh JVM under {@code -Xint} by {@link ParseLimitsTest}, so that stack frames are as large as
 * they get: parses, prints, re-parses and hashes the deepest filter of one shape that a
 * depth limit accepts, on a thread with the given stack. Exits 0 on success, 1 with the error otherwise.
 */
public final class DeepFilterOnStack {

    private DeepFilterOnStack() {
    }

    /** Arguments: shape name, depth limit, stack size in KiB. */
    public static void main(String[] args) throws InterruptedException {
        NestingShape shape = NestingShape.valueOf(args[0]);
        int maxDepth = Integer.parseInt(args[1]);
        long stackBytes = Long.parseLong(args[2]) * 1024;
        FilterParser parser = FilterParser.withLimits(new ParseLimits(Integer.MAX_VALUE, maxDepth));
        String text = shape.text(deepestLevels(shape, maxDepth));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                Filter filter = parser.parseFilter(text);
                if (!parser.parseFilter(filter.toString()).equals(filter) || filter.hashCode() == 0) {
                    throw new AssertionError("the deepest filter did not survive printing and parsing");
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "deep-filter", stackBytes);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            failure.get().printStackTrace();
            System.exit(1);
        }
    }

    /** The largest number of levels whose depth is within {@code limit}. */
    static int deepestLevels(NestingShape shape, int limit) {
        int levels = 1;
        while (shape.depth(levels + 1) <= limit) {
            levels++;
        }
        return levels;
    }
}
