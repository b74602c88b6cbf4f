package org.scimengine.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.scimengine.core.internal.bulk.FakeScimService.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimException;

/**
 * The examples of RFC 7644 §3.7, request and response, run against the fake service provider. Where the RFC's
 * JSON is broken (the PATCH's {@code "data": {[...]}}, the missing comma after {@code scimType}) it is repaired;
 * where this processor chooses differently (§3.7.1: circular references fail with 409 instead of being resolved)
 * the expected response says so.
 */
class BulkProcessorRfcExamplesTest {

    private static final BulkProcessor PROCESSOR = new BulkProcessor(1000, 1_048_576);

    private static final String ALICE_AND_TOUR_GUIDES = """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
              "Operations": [
                {
                  "method": "POST",
                  "path": "/Users",
                  "bulkId": "qwerty",
                  "data": {
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "userName": "Alice"
                  }
                },
                {
                  "method": "POST",
                  "path": "/Groups",
                  "bulkId": "ytrewq",
                  "data": {
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                    "displayName": "Tour Guides",
                    "members": [
                      {
                        "type": "User",
                        "value": "bulkId:qwerty"
                      }
                    ]
                  }
                }
              ]
            }
            """;

    /** §3.7.3: a POST, a PUT, a PATCH and a DELETE, each with the resource version it expects. */
    private static final String FOUR_METHODS = """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
              %s
              "Operations": [
                {
                  "method": "POST",
                  "path": "/Users",
                  "bulkId": "qwerty",
                  "data": {
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "userName": "Alice"
                  }
                },
                {
                  "method": "PUT",
                  "path": "/Users/b7c14771-226c-4d05-8860-134711653041",
                  "version": "W/\\"3694e05e9dff591\\"",
                  "data": {
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "id": "b7c14771-226c-4d05-8860-134711653041",
                    "userName": "Bob"
                  }
                },
                {
                  "method": "PATCH",
                  "path": "/Users/5d8d29d3-342c-4b5f-8683-a3cb6763ffcc",
                  "version": "W/\\"edac3253e2c0ef2\\"",
                  "data": {
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [
                      {
                        "op": "remove",
                        "path": "nickName"
                      },
                      {
                        "op": "add",
                        "path": "userName",
                        "value": "Dave"
                      }
                    ]
                  }
                },
                {
                  "method": "DELETE",
                  "path": "/Users/e9e30dba-f08f-4109-8486-d5c6a331660a",
                  "version": "W/\\"0ee8add0a938e1a\\""
                }
              ]
            }
            """;

    private static final String BOB = "/Users/b7c14771-226c-4d05-8860-134711653041";
    private static final String DAVE = "/Users/5d8d29d3-342c-4b5f-8683-a3cb6763ffcc";
    private static final String CAROL = "/Users/e9e30dba-f08f-4109-8486-d5c6a331660a";

    @Test
    void section372CreatesAUserAndAGroupThatHasHerAsAMember() {
        FakeScimService service = new FakeScimService()
                .ids("92b725cd9465", "e9e30dba-f08f-4109-8486-d5c6a331660a")
                .versions("W/\"4weymrEsh5O6cAEK\"", "W/\"lha5bbazU3fNvfe5\"");

        ObjectNode response = PROCESSOR.process(json(ALICE_AND_TOUR_GUIDES), 600, service);

        assertThat(response).isEqualTo(json("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],
                  "Operations": [
                    {
                      "location": "https://example.com/v2/Users/92b725cd9465",
                      "method": "POST",
                      "bulkId": "qwerty",
                      "version": "W/\\"4weymrEsh5O6cAEK\\"",
                      "status": "201"
                    },
                    {
                      "location": "https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a",
                      "method": "POST",
                      "bulkId": "ytrewq",
                      "version": "W/\\"lha5bbazU3fNvfe5\\"",
                      "status": "201"
                    }
                  ]
                }
                """));
        assertThat(service.resource("/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a").get("members"))
                .isEqualTo(json("[{\"type\": \"User\", \"value\": \"92b725cd9465\"}]"));
    }

    @Test
    void section372ReferencesANewUserFromTheEnterpriseExtensionsManager() {
        FakeScimService service = new FakeScimService()
                .ids("92b725cd9465", "7f8c2a51d3b4")
                .versions("W/\"4weymrEsh5O6cAEK\"", "W/\"9fW2sQ3rXk1LbZ0e\"");
        JsonNode request = json("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                  "Operations": [
                    {
                      "method": "POST",
                      "path": "/Users",
                      "bulkId": "qwerty",
                      "data": {
                        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                        "userName": "Alice"
                      }
                    },
                    {
                      "method": "POST",
                      "path": "/Users",
                      "bulkId": "ytrewq",
                      "data": {
                        "schemas": [
                          "urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                        ],
                        "userName": "Bob",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                          "employeeNumber": "11250",
                          "manager": {
                            "value": "bulkId:qwerty"
                          }
                        }
                      }
                    }
                  ]
                }
                """);

        ObjectNode response = PROCESSOR.process(request, 700, service);

        assertThat(response.get("Operations")).isEqualTo(json("""
                [
                  {
                    "location": "https://example.com/v2/Users/92b725cd9465",
                    "method": "POST",
                    "bulkId": "qwerty",
                    "version": "W/\\"4weymrEsh5O6cAEK\\"",
                    "status": "201"
                  },
                  {
                    "location": "https://example.com/v2/Users/7f8c2a51d3b4",
                    "method": "POST",
                    "bulkId": "ytrewq",
                    "version": "W/\\"9fW2sQ3rXk1LbZ0e\\"",
                    "status": "201"
                  }
                ]
                """));
        assertThat(service.resource("/Users/7f8c2a51d3b4")
                .at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value").textValue())
                .isEqualTo("92b725cd9465");
    }

    @Test
    void section373RunsAPostAPutAPatchAndADelete() {
        FakeScimService service = seededForFourMethods()
                .ids("92b725cd9465")
                .versions("W/\"oY4m4wn58tkVjJxK\"", "W/\"huJj29dMNgu3WXPD\"", "W/\"huJj29dMNgu3WXPD\"");

        ObjectNode response = PROCESSOR.process(json(FOUR_METHODS.formatted("")), 1500, service);

        assertThat(response).isEqualTo(json("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],
                  "Operations": [
                    {
                      "location": "https://example.com/v2/Users/92b725cd9465",
                      "method": "POST",
                      "bulkId": "qwerty",
                      "version": "W/\\"oY4m4wn58tkVjJxK\\"",
                      "status": "201"
                    },
                    {
                      "location": "https://example.com/v2/Users/b7c14771-226c-4d05-8860-134711653041",
                      "method": "PUT",
                      "version": "W/\\"huJj29dMNgu3WXPD\\"",
                      "status": "200"
                    },
                    {
                      "location": "https://example.com/v2/Users/5d8d29d3-342c-4b5f-8683-a3cb6763ffcc",
                      "method": "PATCH",
                      "version": "W/\\"huJj29dMNgu3WXPD\\"",
                      "status": "200"
                    },
                    {
                      "location": "https://example.com/v2/Users/e9e30dba-f08f-4109-8486-d5c6a331660a",
                      "method": "DELETE",
                      "status": "204"
                    }
                  ]
                }
                """));
        assertThat(service.resource(BOB).get("userName").textValue()).isEqualTo("Bob");
        assertThat(service.resource(DAVE).get("userName").textValue()).isEqualTo("Dave");
        assertThat(service.resource(DAVE).has("nickName")).isFalse();
        assertThat(service.resource(CAROL)).isNull();
        assertThat(service.calls()).extracting(FakeScimService.Call::version).containsExactly(null,
                "W/\"3694e05e9dff591\"", "W/\"edac3253e2c0ef2\"", "W/\"0ee8add0a938e1a\"");
    }

    @Test
    void section373StopsAtTheFirstErrorWhenFailOnErrorsIsOne() {
        FakeScimService service = seededForFourMethods().failOn("POST", "/Users",
                BadRequestException.invalidSyntax("Request is unparsable, syntactically incorrect, or violates"
                        + " schema."));

        ObjectNode response = PROCESSOR.process(json(FOUR_METHODS.formatted("\"failOnErrors\": 1,")), 1500,
                service);

        assertThat(response).isEqualTo(json("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],
                  "Operations": [
                    {
                      "method": "POST",
                      "bulkId": "qwerty",
                      "status": "400",
                      "response": {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "scimType": "invalidSyntax",
                        "detail": "Request is unparsable, syntactically incorrect, or violates schema.",
                        "status": "400"
                      }
                    }
                  ]
                }
                """));
        assertThat(service.calls()).hasSize(1);
        assertThat(service.resource(BOB).get("userName").textValue()).isEqualTo("Robert");
    }

    @Test
    void section373ReportsEveryFailureWhenFailOnErrorsIsAbsent() {
        FakeScimService service = new FakeScimService()
                .seed(BOB, "W/\"changed\"", "{\"userName\": \"Robert\"}")
                .seed(DAVE, "W/\"changed\"", "{\"userName\": \"David\"}")
                .failOn("POST", "/Users", BadRequestException.invalidSyntax("Request is unparsable,"
                        + " syntactically incorrect, or violates schema."));

        ObjectNode response = PROCESSOR.process(json(FOUR_METHODS.formatted("")), 1500, service);

        assertThat(response).isEqualTo(json("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],
                  "Operations": [
                    {
                      "method": "POST",
                      "bulkId": "qwerty",
                      "status": "400",
                      "response": {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "scimType": "invalidSyntax",
                        "detail": "Request is unparsable, syntactically incorrect, or violates schema.",
                        "status": "400"
                      }
                    },
                    {
                      "location": "https://example.com/v2/Users/b7c14771-226c-4d05-8860-134711653041",
                      "method": "PUT",
                      "status": "412",
                      "response": {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "detail": "Failed to update.  Resource changed on the server.",
                        "status": "412"
                      }
                    },
                    {
                      "location": "https://example.com/v2/Users/5d8d29d3-342c-4b5f-8683-a3cb6763ffcc",
                      "method": "PATCH",
                      "status": "412",
                      "response": {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "detail": "Failed to update.  Resource changed on the server.",
                        "status": "412"
                      }
                    },
                    {
                      "location": "https://example.com/v2/Users/e9e30dba-f08f-4109-8486-d5c6a331660a",
                      "method": "DELETE",
                      "status": "404",
                      "response": {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "detail": "Resource does not exist.",
                        "status": "404"
                      }
                    }
                  ]
                }
                """));
        assertThat(service.calls()).hasSize(4);
    }

    @Test
    void section371CircularReferencesFailWith409InsteadOfBeingResolved() {
        FakeScimService service = new FakeScimService();
        JsonNode request = json("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                  "Operations": [
                    {
                      "method": "POST",
                      "path": "/Groups",
                      "bulkId": "qwerty",
                      "data": {
                        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                        "displayName": "Group A",
                        "members": [
                          {
                            "type": "Group",
                            "value": "bulkId:ytrewq"
                          }
                        ]
                      }
                    },
                    {
                      "method": "POST",
                      "path": "/Groups",
                      "bulkId": "ytrewq",
                      "data": {
                        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                        "displayName": "Group B",
                        "members": [
                          {
                            "type": "Group",
                            "value": "bulkId:qwerty"
                          }
                        ]
                      }
                    }
                  ]
                }
                """);

        ObjectNode response = PROCESSOR.process(request, 800, service);

        assertThat(response).isEqualTo(json("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],
                  "Operations": [
                    {
                      "method": "POST",
                      "bulkId": "qwerty",
                      "status": "409",
                      "response": {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "detail": "The bulkId references of this request form a cycle (qwerty -> ytrewq -> qwerty), \
                which this service provider does not resolve; create these resources without the references first, \
                then add the references with PATCH operations.",
                        "status": "409"
                      }
                    },
                    {
                      "method": "POST",
                      "bulkId": "ytrewq",
                      "status": "409",
                      "response": {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "detail": "The bulkId references of this request form a cycle (ytrewq -> qwerty -> ytrewq), \
                which this service provider does not resolve; create these resources without the references first, \
                then add the references with PATCH operations.",
                        "status": "409"
                      }
                    }
                  ]
                }
                """));
        assertThat(service.calls()).isEmpty();
    }

    @Test
    void section374RefusesABodyOverMaxPayloadSizeWith413BeforeRunningAnything() {
        FakeScimService service = new FakeScimService();

        ScimException refused = catchThrowableOfType(ScimException.class,
                () -> PROCESSOR.process(json(ALICE_AND_TOUR_GUIDES), 1_048_577, service));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.scimType()).isEmpty();
        assertThat(refused.detail()).isEqualTo("The bulk request body is 1048577 bytes, more than the"
                + " maxPayloadSize of 1048576 bytes this service provider accepts; split it into smaller requests.");
        assertThat(service.calls()).isEmpty();
    }

    private static FakeScimService seededForFourMethods() {
        return new FakeScimService()
                .seed(BOB, "W/\"3694e05e9dff591\"", "{\"userName\": \"Robert\"}")
                .seed(DAVE, "W/\"edac3253e2c0ef2\"", "{\"userName\": \"David\", \"nickName\": \"Davy\"}")
                .seed(CAROL, "W/\"0ee8add0a938e1a\"", "{\"userName\": \"Carol\"}");
    }
}
