package org.scimengine.core.error;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failed SCIM operation: the HTTP status, the optional {@link ScimType} and a {@code detail} that says what
 * was wrong in words a client's operator can act on (RFC 7644 §3.12). Unchecked, so that one exception mapper
 * in the HTTP adapter turns every failure into an error response; nothing else escapes as a 500.
 *
 * <p>The detail must never carry a secret (a password, a token) or an internal class name: it is sent to the
 * client as it is.
 *
 * @since 0.1
 */
public class ScimException extends RuntimeException {

    /** The URN of an error response body. */
    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable ScimType scimType;

    /**
     * @param status the HTTP status, 400 to 599
     * @param scimType the SCIM error keyword, or null when none applies (as for 404)
     * @param detail what went wrong, for the client
     * @throws IllegalArgumentException if {@code status} is not an error status
     */
    public ScimException(int status, @Nullable ScimType scimType, String detail) {
        this(status, scimType, detail, null);
    }

    /**
     * @param status the HTTP status, 400 to 599
     * @param scimType the SCIM error keyword, or null when none applies (as for 404)
     * @param detail what went wrong, for the client
     * @param cause the underlying failure, kept for the server's logs and never sent to the client
     * @throws IllegalArgumentException if {@code status} is not an error status
     */
    public ScimException(int status, @Nullable ScimType scimType, String detail, @Nullable Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.scimType = scimType;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The SCIM error keyword, if one applies. */
    public Optional<ScimType> scimType() {
        return Optional.ofNullable(scimType);
    }

    /** What went wrong, as sent to the client. */
    public String detail() {
        return getMessage();
    }

    /**
     * This error as an RFC 7644 §3.12 {@code urn:ietf:params:scim:api:messages:2.0:Error} body: {@code schemas},
     * {@code status} (a string, as the RFC's examples write it), {@code scimType} if any, and {@code detail}.
     */
    public ObjectNode toErrorResponse() {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.putArray("schemas").add(ERROR_SCHEMA);
        error.put("status", Integer.toString(status));
        scimType().ifPresent(type -> error.put("scimType", type.keyword()));
        error.put("detail", detail());
        return error;
    }
}
