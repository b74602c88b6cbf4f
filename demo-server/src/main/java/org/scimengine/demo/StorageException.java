package org.scimengine.demo;

/**
 * The database {@code --db} names cannot be opened. The message is one sentence for the operator, never with a
 * password.
 */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }
}
