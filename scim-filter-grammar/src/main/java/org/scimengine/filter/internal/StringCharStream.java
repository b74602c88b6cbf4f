package org.scimengine.filter.internal;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The input string as an ANTLR character stream, read in place as UTF-16 code units. ANTLR's own
 * {@code CharStreams.fromString} copies the string into a code-point buffer; reading the string directly
 * saves that copy, and every token index is then a {@link String} index, as callers expect offsets to be. A
 * character outside the Basic Multilingual Plane arrives as its two surrogates, which the grammar only ever
 * meets inside string literals, where it accepts both.
 */
final class StringCharStream implements CharStream {

    private final String text;
    private int index;

    StringCharStream(String text) {
        this.text = text;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(text.length() - 1, interval.b);
        return start > stop ? "" : text.substring(start, stop + 1);
    }

    @Override
    public void consume() {
        if (index >= text.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int at = i < 0 ? index + i : index + i - 1;
        return at < 0 || at >= text.length() ? IntStream.EOF : text.charAt(at);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // Nothing to release: the whole input is in memory.
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int newIndex) {
        index = Math.min(newIndex, text.length());
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }
}
