package org.scimengine.demo.account;

import java.util.regex.Pattern;

/** What account names and integration or client names may be. */
final class Names {

    /**
     * An account is a tenant, and tenants are compared exactly: one spelling per account (lower case), safe in
     * logs, paths and URLs.
     */
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final int MAX_NAME = 100;

    private Names() {
    }

    /** @throws AccountException unless the name is a valid account name */
    static String account(String account) {
        if (!ACCOUNT.matcher(account).matches()) {
            throw new AccountException("'" + account + "' is not a valid account name: use 1 to 63 lower-case"
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit, such as acme");
        }
        return account;
    }

    /**
     * An integration's or client's name, such as "Production" or "Okta Integration": without surrounding
     * spaces.
     *
     * @throws AccountException if it is empty, too long or holds control characters
     */
    static String name(String name, String what) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw new AccountException("the " + what + " name must have 1 to " + MAX_NAME + " characters");
        }
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw new AccountException("the " + what + " name must not hold control or invisible characters");
        }
        return stripped;
    }
}
