package org.scimengine.filter.internal;

/** JSON string literals (RFC 8259 §7): decoding lexer tokens and quoting for the canonical printer. */
public final class JsonText {

    private JsonText() {
    }

    /**
     * Decodes a STRING token, quotes included. The lexer has already checked every escape, so this cannot
     * fail on a token it produced.
     */
    static String unquote(String token) {
        int end = token.length() - 1;
        int backslash = token.indexOf('\\', 1);
        if (backslash < 0 || backslash >= end) {
            return token.substring(1, end);
        }
        StringBuilder out = new StringBuilder(end);
        out.append(token, 1, backslash);
        int i = backslash;
        while (i < end) {
            char c = token.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            char escaped = token.charAt(i + 1);
            switch (escaped) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(token, i + 2, i + 6, 16));
                    i += 4;
                }
                default -> out.append(escaped); // '"', '\\' and '/'
            }
            i += 2;
        }
        return out.toString();
    }

    /**
     * The JSON literal for {@code value}: quotes, backslashes, control characters and unpaired surrogates are
     * escaped; every other character is written as it is.
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isUnpairedSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean isUnpairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }
}
