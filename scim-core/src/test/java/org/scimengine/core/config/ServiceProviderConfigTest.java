package org.scimengine.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scimengine.core.config.ServiceProviderConfig.AuthenticationScheme;
import org.scimengine.core.config.ServiceProviderConfig.Bulk;
import org.scimengine.core.config.ServiceProviderConfig.Filter;
import org.scimengine.core.config.ServiceProviderConfig.Pagination;
import org.scimengine.core.config.ServiceProviderConfig.PaginationMethod;

class ServiceProviderConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theVendorsConfigurationFromTheSeedsIsWrittenWithoutNulls() throws IOException {
        // The example /ServiceProviderConfig of the vendor's SCIM API (shared/seeds/002), plus pagination.
        ServiceProviderConfig config = ServiceProviderConfig.builder()
                .bulk(Bulk.UNSUPPORTED).filter(new Filter(true, 1000)).changePassword(false).sort(false).etag(false)
                .authenticationSchemes(List.of(AuthenticationScheme.httpBasic(true)))
                .build();
        JsonNode json = JSON.readTree(config.toJson());
        assertThat(json).isEqualTo(JSON.readTree("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                 "patch": {"supported": true},
                 "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
                 "filter": {"supported": true, "maxResults": 1000},
                 "changePassword": {"supported": false},
                 "sort": {"supported": false},
                 "etag": {"supported": false},
                 "pagination": {"cursor": false, "index": true, "defaultPaginationMethod": "index",
                                "defaultPageSize": 100, "maxPageSize": 1000},
                 "authenticationSchemes": [{"type": "httpbasic", "name": "HTTP Basic",
                    "description": "Authentication with a user name and password",
                    "specUri": "https://www.rfc-editor.org/info/rfc7617", "primary": true}]}"""));
        assertThat(config.toJson()).doesNotContain("null");
    }

    @Test
    void cursorPaginationCarriesItsTimeout() throws IOException {
        ServiceProviderConfig config = ServiceProviderConfig.builder()
                .documentationUri("https://example.com/scim")
                .bulk(new Bulk(true, 1000, 1_048_576))
                .pagination(new Pagination(true, true, PaginationMethod.CURSOR, 100, 1000, 3600))
                .authenticationSchemes(List.of(AuthenticationScheme.oauthBearerToken(true),
                        AuthenticationScheme.httpBasic(false)))
                .build();
        JsonNode json = JSON.readTree(config.toJson());
        assertThat(json.get("documentationUri").textValue()).isEqualTo("https://example.com/scim");
        assertThat(json.at("/bulk/maxPayloadSize").intValue()).isEqualTo(1_048_576);
        assertThat(json.at("/pagination/defaultPaginationMethod").textValue()).isEqualTo("cursor");
        assertThat(json.at("/pagination/cursorTimeout").intValue()).isEqualTo(3600);
        assertThat(json.at("/authenticationSchemes/0/type").textValue()).isEqualTo("oauthbearertoken");
    }

    @Test
    void inconsistentSettingsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> new Bulk(true, 0, 10)).hasMessageContaining("bulk limits must be positive");
        assertThatThrownBy(() -> new Filter(true, 0)).hasMessage("maxResults must be at least 1, was 0");
        assertThatThrownBy(() -> new Pagination(false, false, PaginationMethod.INDEX, 10, 10, 0))
                .hasMessage("pagination needs cursor or index support");
        assertThatThrownBy(() -> new Pagination(false, true, PaginationMethod.CURSOR, 10, 10, 0))
                .hasMessage("the default pagination method cursor is not supported");
        assertThatThrownBy(() -> new Pagination(false, true, PaginationMethod.INDEX, 200, 100, 0))
                .hasMessage("page sizes must satisfy 1 <= defaultPageSize <= maxPageSize, were 200 and 100");
        assertThatThrownBy(() -> new Pagination(true, true, PaginationMethod.INDEX, 10, 10, 0))
                .hasMessage("cursorTimeoutSeconds must be positive with cursors and 0 without, was 0");
        assertThatThrownBy(() -> ServiceProviderConfig.builder().authenticationSchemes(List.of(
                        AuthenticationScheme.httpBasic(true), AuthenticationScheme.oauthBearerToken(true))).build())
                .hasMessage("at most one authentication scheme can be primary");
    }
}
