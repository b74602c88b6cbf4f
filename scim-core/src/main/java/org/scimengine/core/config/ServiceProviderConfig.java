package org.scimengine.core.config;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.internal.json.ConfigJson;

/**
 * The service provider's capabilities (RFC 7643 §5; {@code pagination} from RFC 9865 §4), as served at
 * {@code /ServiceProviderConfig}. Build one with {@link #builder()}; every value is checked when it is set or,
 * where values depend on each other, when built.
 *
 * @param documentationUri the service provider's help page, or null
 * @param patch whether PATCH is supported
 * @param bulk Bulk support and its limits
 * @param filter filtering support and the most results a query returns
 * @param changePassword whether clients may change passwords
 * @param sort whether sorting is supported
 * @param etag whether ETags are supported
 * @param pagination index and cursor pagination (RFC 9865)
 * @param authenticationSchemes how clients authenticate
 * @since 0.1
 */
public record ServiceProviderConfig(
        @Nullable String documentationUri,
        boolean patch,
        Bulk bulk,
        Filter filter,
        boolean changePassword,
        boolean sort,
        boolean etag,
        Pagination pagination,
        List<AuthenticationScheme> authenticationSchemes) {

    /**
     * @throws IllegalArgumentException if more than one authentication scheme is primary
     */
    public ServiceProviderConfig {
        Objects.requireNonNull(bulk, "bulk");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(pagination, "pagination");
        authenticationSchemes = List.copyOf(authenticationSchemes);
        if (authenticationSchemes.stream().filter(AuthenticationScheme::primary).count() > 1) {
            throw new IllegalArgumentException("at most one authentication scheme can be primary");
        }
    }

    /**
     * A builder starting from: PATCH, sorting, ETags and filtering (up to 1,000 results) supported; Bulk and
     * password change not; index pagination with pages of 100 and at most 1,000; no authentication scheme.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** This configuration in its RFC 7643 §5 JSON representation, without {@code meta}; no null values. */
    public String toJson() {
        return ConfigJson.write(this);
    }

    /**
     * Bulk support (RFC 7644 §3.7).
     *
     * @param supported whether {@code /Bulk} is served
     * @param maxOperations the most operations a request may hold
     * @param maxPayloadSize the largest request body, in bytes
     */
    public record Bulk(boolean supported, int maxOperations, int maxPayloadSize) {

        /** Bulk switched off. */
        public static final Bulk UNSUPPORTED = new Bulk(false, 0, 0);

        /**
         * @throws IllegalArgumentException if supported with a limit below 1, or a limit is negative
         */
        public Bulk {
            if (maxOperations < 0 || maxPayloadSize < 0 || supported && (maxOperations < 1 || maxPayloadSize < 1)) {
                throw new IllegalArgumentException("bulk limits must be positive when bulk is supported, were "
                        + maxOperations + " operations and " + maxPayloadSize + " bytes");
            }
        }
    }

    /**
     * Filter support (RFC 7644 §3.4.2.2).
     *
     * @param supported whether filters are accepted
     * @param maxResults the most resources one query returns
     */
    public record Filter(boolean supported, int maxResults) {

        /**
         * @throws IllegalArgumentException if {@code maxResults} is below 1 while filtering is supported
         */
        public Filter {
            if (maxResults < 0 || supported && maxResults < 1) {
                throw new IllegalArgumentException("maxResults must be at least 1, was " + maxResults);
            }
        }
    }

    /** RFC 9865's {@code defaultPaginationMethod}. */
    public enum PaginationMethod {
        /** startIndex and count (RFC 7644 §3.4.2.4). */
        INDEX("index"),
        /** cursor and count (RFC 9865). */
        CURSOR("cursor");

        private final String wire;

        PaginationMethod(String wire) {
            this.wire = wire;
        }

        /** The value as RFC 9865 spells it. */
        public String wire() {
            return wire;
        }
    }

    /**
     * Pagination (RFC 9865 §4).
     *
     * @param cursor whether cursor pagination is supported
     * @param index whether index pagination is supported
     * @param defaultMethod the method used when a query names neither; one that is supported
     * @param defaultPageSize the page size when a query gives no count
     * @param maxPageSize the largest page; larger counts are reduced to it
     * @param cursorTimeoutSeconds how long a cursor stays valid; 0 when cursors are not supported
     */
    public record Pagination(boolean cursor, boolean index, PaginationMethod defaultMethod, int defaultPageSize,
            int maxPageSize, int cursorTimeoutSeconds) {

        /**
         * @throws IllegalArgumentException if neither method is supported, the default method is not, the page
         *     sizes are not {@code 1 <= defaultPageSize <= maxPageSize}, or cursors have no positive timeout
         */
        public Pagination {
            Objects.requireNonNull(defaultMethod, "defaultMethod");
            if (!cursor && !index) {
                throw new IllegalArgumentException("pagination needs cursor or index support");
            }
            if (defaultMethod == PaginationMethod.CURSOR ? !cursor : !index) {
                throw new IllegalArgumentException("the default pagination method " + defaultMethod.wire()
                        + " is not supported");
            }
            if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
                throw new IllegalArgumentException("page sizes must satisfy 1 <= defaultPageSize <= maxPageSize, were "
                        + defaultPageSize + " and " + maxPageSize);
            }
            if (cursor ? cursorTimeoutSeconds < 1 : cursorTimeoutSeconds != 0) {
                throw new IllegalArgumentException("cursorTimeoutSeconds must be positive with cursors and 0 without,"
                        + " was " + cursorTimeoutSeconds);
            }
        }
    }

    /**
     * An authentication scheme (RFC 7643 §5, {@code authenticationSchemes}).
     *
     * @param type {@code oauth}, {@code oauth2}, {@code oauthbearertoken}, {@code httpbasic} or {@code httpdigest}
     * @param name a common name
     * @param description a description
     * @param specUri the specification's URI, or null
     * @param documentationUri the service provider's documentation of it, or null
     * @param primary whether it is the primary scheme
     */
    public record AuthenticationScheme(String type, String name, String description, @Nullable String specUri,
            @Nullable String documentationUri, boolean primary) {

        public AuthenticationScheme {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }

        /** HTTP Basic (RFC 7617). */
        public static AuthenticationScheme httpBasic(boolean primary) {
            return new AuthenticationScheme("httpbasic", "HTTP Basic", "Authentication with a user name and password",
                    "https://www.rfc-editor.org/info/rfc7617", null, primary);
        }

        /** OAuth 2.0 bearer tokens (RFC 6750). */
        public static AuthenticationScheme oauthBearerToken(boolean primary) {
            return new AuthenticationScheme("oauthbearertoken", "OAuth Bearer Token",
                    "Authentication with an OAuth 2.0 bearer token", "https://www.rfc-editor.org/info/rfc6750", null,
                    primary);
        }
    }

    /** Collects the configuration; not thread-safe. */
    public static final class Builder {
        private @Nullable String documentationUri;
        private boolean patch = true;
        private Bulk bulk = Bulk.UNSUPPORTED;
        private Filter filter = new Filter(true, 1_000);
        private boolean changePassword;
        private boolean sort = true;
        private boolean etag = true;
        private Pagination pagination = new Pagination(false, true, PaginationMethod.INDEX, 100, 1_000, 0);
        private List<AuthenticationScheme> authenticationSchemes = List.of();

        private Builder() {
        }

        public Builder documentationUri(@Nullable String value) {
            documentationUri = value;
            return this;
        }

        public Builder patch(boolean value) {
            patch = value;
            return this;
        }

        public Builder bulk(Bulk value) {
            bulk = Objects.requireNonNull(value, "bulk");
            return this;
        }

        public Builder filter(Filter value) {
            filter = Objects.requireNonNull(value, "filter");
            return this;
        }

        public Builder changePassword(boolean value) {
            changePassword = value;
            return this;
        }

        public Builder sort(boolean value) {
            sort = value;
            return this;
        }

        public Builder etag(boolean value) {
            etag = value;
            return this;
        }

        public Builder pagination(Pagination value) {
            pagination = Objects.requireNonNull(value, "pagination");
            return this;
        }

        public Builder authenticationSchemes(List<AuthenticationScheme> values) {
            authenticationSchemes = List.copyOf(values);
            return this;
        }

        /**
         * @throws IllegalArgumentException as the record's constructor does
         */
        public ServiceProviderConfig build() {
            return new ServiceProviderConfig(documentationUri, patch, bulk, filter, changePassword, sort, etag,
                    pagination, authenticationSchemes);
        }
    }
}
