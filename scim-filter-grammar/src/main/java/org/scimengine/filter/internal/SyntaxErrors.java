package org.scimengine.filter.internal;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.scimengine.filter.FilterSyntaxException;
import org.scimengine.filter.internal.antlr.ScimFilterParser;

/** Turns ANTLR's failures into {@link FilterSyntaxException}s with plain, positioned messages. */
final class SyntaxErrors {

    private static final int MAX_QUOTED = 40;

    private SyntaxErrors() {
    }

    static String tooDeep(String subject, int maxDepth) {
        return "the " + subject + " is nested deeper than the limit of " + maxDepth;
    }

    /** Too deep because of a long and/or chain, which folds left and so adds a level per term. */
    static String chainTooLong(String subject, int maxDepth) {
        return "the " + subject + " is deeper than the limit of " + maxDepth
                + " (each term of an 'and'/'or' chain adds a level)";
    }

    /**
     * An error at a character offset. An offset between the two halves of a surrogate pair moves back to the
     * pair's start, so that the offending text is a whole character.
     */
    static FilterSyntaxException at(String input, int rawOffset, String message) {
        int offset = rawOffset > 0 && rawOffset < input.length() && Character.isLowSurrogate(input.charAt(rawOffset))
                && Character.isHighSurrogate(input.charAt(rawOffset - 1)) ? rawOffset - 1 : rawOffset;
        String offending = offset < input.length() ? input.substring(offset, input.offsetByCodePoints(offset, 1)) : "";
        return new FilterSyntaxException(message + " at offset " + offset, offset, offending);
    }

    static FilterSyntaxException atToken(Token token, String message) {
        int offset = offsetOf(token);
        String text = token.getType() == Token.EOF ? "" : token.getText();
        return new FilterSyntaxException(message + " at offset " + offset, offset, text);
    }

    /** A lexer listener that throws at the first character no token can start with. */
    static BaseErrorListener lexerListener(String input) {
        return new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                    int charPositionInLine, String msg, RecognitionException e) {
                throw lexerError(input, e instanceof LexerNoViableAltException noViable ? noViable.getStartIndex() : 0);
            }
        };
    }

    private static FilterSyntaxException lexerError(String input, int offset) {
        if (input.charAt(offset) != '"') {
            return at(input, offset, "unexpected character " + describeChar(input.codePointAt(offset)));
        }
        for (int i = offset + 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '"') {
                // A closed string with valid content would have lexed: the fault is the quote itself.
                return at(input, offset, "unexpected character '\"'");
            }
            if (c == '\\') {
                int bad = badEscapeAt(input, i);
                if (bad >= 0) {
                    String escape = input.substring(i, Math.min(input.length(), bad + 1));
                    return at(input, i, "invalid escape '" + escape + "' in a string");
                }
                i += input.charAt(i + 1) == 'u' ? 5 : 1;
            } else if (c < 0x20) {
                return at(input, i, "control character " + describeChar(c) + " in a string (escape it)");
            }
        }
        return at(input, offset, "unterminated string");
    }

    /** The offset of the first character that makes the escape at {@code backslash} invalid, or -1. */
    private static int badEscapeAt(String input, int backslash) {
        if (backslash + 1 >= input.length()) {
            return backslash;
        }
        char kind = input.charAt(backslash + 1);
        if ("\"\\/bfnrt".indexOf(kind) >= 0) {
            return -1;
        }
        if (kind != 'u') {
            return backslash + 1;
        }
        for (int i = backslash + 2; i < backslash + 6; i++) {
            if (i >= input.length() || !isAsciiHexDigit(input.charAt(i))) {
                return Math.min(i, input.length() - 1);
            }
        }
        return -1;
    }

    private static boolean isAsciiHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The message for the parser's first error: what was expected, after what, and what came instead. */
    static FilterSyntaxException fromParser(TokenStream tokens, RecognitionException e) {
        Token offending = e.getOffendingToken();
        Token previous = offending.getTokenIndex() > 0 ? tokens.get(offending.getTokenIndex() - 1) : null;
        String expected;
        if (e instanceof NoViableAltException noViable && noViable.getStartToken() != offending) {
            // The one two-token decision: 'not' followed by neither '(' nor a test of an attribute named not.
            expected = "'('";
        } else {
            expected = describeExpected(e.getExpectedTokens());
        }
        StringBuilder message = new StringBuilder("expected ").append(expected);
        if (previous != null) {
            message.append(" after ").append(quote(previous.getText()));
        }
        int offset = offsetOf(offending);
        message.append(" at offset ").append(offset).append(", found ");
        message.append(offending.getType() == Token.EOF ? "the end of the input" : quote(offending.getText()));
        String text = offending.getType() == Token.EOF ? "" : offending.getText();
        return new FilterSyntaxException(message.toString(), offset, text);
    }

    static String describeExpected(IntervalSet expected) {
        List<String> parts = new ArrayList<>();
        boolean attribute = expected.contains(ScimFilterParser.ATTR_PATH);
        if (attribute && expected.contains(ScimFilterParser.LPAREN)) {
            parts.add("an attribute path");
            parts.add("'not'");
            parts.add("'('");
        } else if (attribute) {
            parts.add("an attribute path");
        }
        if (expected.contains(ScimFilterParser.EQ) && !attribute) {
            parts.add("a comparison operator");
        }
        if (expected.contains(ScimFilterParser.PR) && !attribute) {
            parts.add("'pr'");
        }
        if (expected.contains(ScimFilterParser.LBRACKET)) {
            parts.add("'['");
        }
        if (expected.contains(ScimFilterParser.STRING)) {
            parts.add("a value (a string, a number, true, false or null)");
        }
        if (!attribute) {
            if (expected.contains(ScimFilterParser.AND)) {
                parts.add("'and'");
            }
            if (expected.contains(ScimFilterParser.OR)) {
                parts.add("'or'");
            }
        }
        addIf(parts, expected, ScimFilterParser.RPAREN, "')'");
        addIf(parts, expected, ScimFilterParser.RBRACKET, "']'");
        addIf(parts, expected, ScimFilterParser.DOT, "'.'");
        addIf(parts, expected, ScimFilterParser.COMMA, "','");
        addIf(parts, expected, Token.EOF, "the end of the input");
        if (parts.isEmpty()) {
            return "something else";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    private static void addIf(List<String> parts, IntervalSet expected, int tokenType, String phrase) {
        if (expected.contains(tokenType)) {
            parts.add(phrase);
        }
    }

    /** Token indexes are UTF-16 offsets already: the lexer reads a {@link StringCharStream}. */
    private static int offsetOf(Token token) {
        return token.getStartIndex();
    }

    private static String quote(String text) {
        if (text.length() <= MAX_QUOTED) {
            return "'" + text + "'";
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
        return "'" + text.substring(0, end) + "...'";
    }

    private static String describeChar(int codePoint) {
        if (codePoint < 0x20 || codePoint == 0x7f || Character.isWhitespace(codePoint)
                || Character.getType(codePoint) == Character.FORMAT) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }
}
