package org.scimengine.demo.account;

/**
 * A request about accounts that cannot be done as asked: a name taken or unknown, a bad scope, a database that
 * fails. The message is a sentence for the operator, never holding a secret.
 */
public final class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountException(String message) {
        super(message);
    }

    public AccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
