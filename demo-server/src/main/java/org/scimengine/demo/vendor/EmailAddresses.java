package org.scimengine.demo.vendor;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether a text is an email address a mail system would deliver to: {@code local@domain} with an unquoted
 * dot-atom local part (RFC 5322 §3.4.1, with the UTF-8 characters of RFC 6532) and a domain name of at least two
 * labels (international names allowed, checked through their ASCII form, RFC 5890). Quoted local parts
 * ({@code "jane doe"@example.com}) and address literals ({@code jane@[192.0.2.1]}) are legal in RFC 5322 but
 * refused: no identity provider sends them as a user name, and mail systems widely reject them.
 */
public final class EmailAddresses {

    /** RFC 5321 §4.5.3.1.3: a path holds at most 256 octets, two of them the angle brackets. */
    private static final int MAX_ADDRESS = 254;
    /** RFC 5321 §4.5.3.1.1. */
    private static final int MAX_LOCAL_PART = 64;
    /** RFC 1035 §2.3.4. */
    private static final int MAX_LABEL = 63;
    private static final int MAX_DOMAIN = 253;
    /** The ASCII characters of RFC 5322's atext besides letters and digits. */
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    private EmailAddresses() {
    }

    /** Whether the text is a valid address. */
    public static boolean isValid(String text) {
        return problem(text) == null;
    }

    /**
     * What is wrong with an address, as the end of a sentence that begins with the address ("has no '@'"), or
     * null if nothing is.
     */
    public static @Nullable String problem(String text) {
        if (text.isEmpty()) {
            return "is empty";
        }
        if (text.length() > MAX_ADDRESS) {
            return "is longer than " + MAX_ADDRESS + " characters";
        }
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return "has no '@' between the mailbox name and the domain";
        }
        if (text.indexOf('@') != at) {
            return "has more than one '@'";
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.isEmpty()) {
            return "has no mailbox name before the '@'";
        }
        if (domain.isEmpty()) {
            return "has no domain after the '@'";
        }
        String problem = localPartProblem(local);
        return problem != null ? problem : domainProblem(domain);
    }

    private static @Nullable String localPartProblem(String local) {
        if (local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_PART) {
            return "has a mailbox name longer than " + MAX_LOCAL_PART + " bytes";
        }
        if (local.startsWith("\"")) {
            return "has a quoted mailbox name, which this service does not accept";
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return "has a mailbox name that starts or ends with '.' or has two in a row";
        }
        for (int i = 0; i < local.length(); ) {
            int c = local.codePointAt(i);
            if (c != '.' && !isAtext(c)) {
                return "contains " + describe(c) + ", which a mailbox name cannot hold";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static @Nullable String domainProblem(String domain) {
        if (domain.startsWith("[")) {
            return "has an address literal as its domain; use a domain name";
        }
        for (int i = 0; i < domain.length(); ) {
            int c = domain.codePointAt(i);
            if (!isVisible(c)) {
                return "contains " + describe(c) + " in its domain";
            }
            i += Character.charCount(c);
        }
        String ascii;
        try {
            // Checks each label as IDNA requires (no leading or trailing '-', only letters, digits and '-') and
            // gives the form DNS uses, whose lengths are the ones that count.
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return "has a domain that is not a valid domain name (each part may hold letters, digits and '-', but"
                    + " not start or end with '-')";
        }
        if (ascii.length() > MAX_DOMAIN) {
            return "has a domain longer than " + MAX_DOMAIN + " characters";
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                return "has a domain that starts or ends with '.' or has two in a row";
            }
            if (label.length() > MAX_LABEL) {
                return "has a domain part longer than " + MAX_LABEL + " characters";
            }
        }
        if (labels.length < 2) {
            return "has a domain without a top-level domain, such as example.com rather than example";
        }
        String top = labels[labels.length - 1].toLowerCase(Locale.ROOT);
        if (!top.startsWith("xn--") && !top.chars().allMatch(Character::isLetter)) {
            return "has a top-level domain that is not a name: '" + top + "'";
        }
        return null;
    }

    /** RFC 5322 atext, widened by RFC 6532 to every visible non-ASCII character. */
    private static boolean isAtext(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ATEXT_SYMBOLS.indexOf(c) >= 0;
        }
        return isVisible(c);
    }

    /**
     * Not a space, a control, an invisible format character (a zero-width joiner, a right-to-left override that
     * makes an address read as another), a private-use, unassigned or lone surrogate code point.
     */
    private static boolean isVisible(int c) {
        if (c < 0x80) {
            return c > 0x20 && c < 0x7f;
        }
        switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.SURROGATE:
                return false;
            default:
                return true;
        }
    }

    private static String describe(int c) {
        String code = String.format(Locale.ROOT, "U+%04X", c);
        if (c == ' ') {
            return "a space";
        }
        return isVisible(c) ? "'" + new String(Character.toChars(c)) + "' (" + code + ")"
                : "the invisible character " + code;
    }
}
