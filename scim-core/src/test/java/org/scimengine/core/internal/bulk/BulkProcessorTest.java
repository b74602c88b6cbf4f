package org.scimengine.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.scimengine.core.internal.bulk.FakeScimService.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ScimException;
import org.scimengine.core.error.ScimType;

class BulkProcessorTest {

    private static final BulkProcessor PROCESSOR = new BulkProcessor(10, 10_000);

    /** A BulkRequest around the operations, written with single quotes for readability. */
    static JsonNode bulk(String operations) {
        return bulk("", operations);
    }

    static JsonNode bulk(String members, String operations) {
        return json(("{'schemas': ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], " + members
                + "'Operations': [" + operations + "]}").replace('\'', '"'));
    }

    static String post(String bulkId, String type, String data) {
        return "{'method': 'POST', 'path': '/" + type + "', 'bulkId': '" + bulkId + "', 'data': " + data + "}";
    }

    static String group(String name, String... members) {
        StringBuilder json = new StringBuilder("{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                + " 'displayName': '" + name + "', 'members': [");
        for (int i = 0; i < members.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{'value': '").append(members[i]).append("'}");
        }
        return json.append("]}").toString();
    }

    static String user(String userName) {
        return "{'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': '" + userName + "'}";
    }

    static List<JsonNode> operations(ObjectNode response) {
        List<JsonNode> operations = new ArrayList<>();
        response.get("Operations").forEach(operations::add);
        return operations;
    }

    static List<String> statuses(ObjectNode response) {
        return operations(response).stream().map(op -> op.get("status").textValue()).toList();
    }

    static String detail(JsonNode operation) {
        return operation.at("/response/detail").textValue();
    }

    @Nested
    class Limits {

        @Test
        void limitsBelowOneAreRejected() {
            assertThatThrownBy(() -> new BulkProcessor(0, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxOperations");
            assertThatThrownBy(() -> new BulkProcessor(1, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxPayloadSize");
        }

        @Test
        void aBodyOfExactlyMaxPayloadSizeIsAccepted() {
            ObjectNode response = PROCESSOR.process(bulk(post("a", "Users", user("alice"))), 10_000,
                    new FakeScimService());

            assertThat(statuses(response)).containsExactly("201");
        }

        @Test
        void aBodyOneByteOverMaxPayloadSizeIsRefusedWith413NamingTheLimit() {
            FakeScimService service = new FakeScimService();

            ScimException refused = catchThrowableOfType(ScimException.class,
                    () -> PROCESSOR.process(bulk(post("a", "Users", user("alice"))), 10_001, service));

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.scimType()).isEmpty();
            assertThat(refused.detail()).contains("maxPayloadSize of 10000 bytes").contains("10001 bytes");
            assertThat(service.calls()).isEmpty();
        }

        @Test
        void exactlyMaxOperationsAreAccepted() {
            BulkProcessor processor = new BulkProcessor(3, 10_000);
            String ops = post("a", "Users", user("a")) + "," + post("b", "Users", user("b")) + ","
                    + post("c", "Users", user("c"));

            assertThat(statuses(processor.process(bulk(ops), 500, new FakeScimService())))
                    .containsExactly("201", "201", "201");
        }

        @Test
        void oneOperationOverMaxOperationsIsRefusedWith413NamingTheLimitBeforeAnythingRuns() {
            BulkProcessor processor = new BulkProcessor(2, 10_000);
            FakeScimService service = new FakeScimService();
            String ops = post("a", "Users", user("a")) + "," + post("b", "Users", user("b")) + ","
                    + post("c", "Users", user("c"));

            ScimException refused = catchThrowableOfType(ScimException.class,
                    () -> processor.process(bulk(ops), 500, service));

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.scimType()).isEmpty();
            assertThat(refused.detail()).isEqualTo("The bulk request holds 3 operations, more than the"
                    + " maxOperations of 2 this service provider accepts; split it into several requests.");
            assertThat(service.calls()).isEmpty();
        }

        @Test
        void tooManyOperationsAreRefusedEvenWhenALaterOneIsMalformed() {
            BulkProcessor processor = new BulkProcessor(1, 10_000);

            ScimException refused = catchThrowableOfType(ScimException.class, () -> processor.process(
                    bulk(post("a", "Users", user("a")) + ", {'method': 'GET'}"), 500, new FakeScimService()));

            assertThat(refused.status()).isEqualTo(413);
        }
    }

    @Nested
    class MalformedRequests {

        static Stream<Arguments> malformed() {
            return Stream.of(
                    Arguments.of("[]", "must be a JSON object"),
                    Arguments.of("{'Operations': []}", "schemas must include"),
                    Arguments.of("{'schemas': ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': []}",
                            "schemas must include urn:ietf:params:scim:api:messages:2.0:BulkRequest"),
                    Arguments.of("{'schemas': 'urn:ietf:params:scim:api:messages:2.0:BulkRequest',"
                            + " 'Operations': []}", "schemas must include"),
                    Arguments.of(request("", null), "needs an Operations array"),
                    Arguments.of(request("", "{}"), "needs an Operations array"),
                    Arguments.of(request("'failOnErrors': 0,", "[]"), "failOnErrors must be a positive integer"),
                    Arguments.of(request("'failOnErrors': -1,", "[]"), "not -1"),
                    Arguments.of(request("'failOnErrors': 1.5,", "[]"), "not 1.5"),
                    Arguments.of(request("'failOnErrors': '1',", "[]"), "failOnErrors must be a positive integer"),
                    Arguments.of(request("", "[42]"), "Operations[0] must be a JSON object"),
                    Arguments.of(request("", "[{'path': '/Users/1'}]"), "Operations[0] has no method"),
                    Arguments.of(request("", "[" + post("a", "Users", user("a")) + ", {'method': 'GET',"
                            + " 'path': '/Users/1'}]"), "Operations[1] has method 'GET'"),
                    Arguments.of(request("", "[{'method': 7, 'path': '/Users/1'}]"),
                            "Operations[0].method must be a string"),
                    Arguments.of(request("", "[{'method': 'DELETE'}]"), "Operations[0] needs a path"),
                    Arguments.of(request("", "[{'method': 'DELETE', 'path': 'Users/1'}]"),
                            "Operations[0] needs a path"),
                    Arguments.of(request("", "[{'method': 'DELETE', 'path': '/'}]"), "Operations[0] needs a path"),
                    Arguments.of(request("", "[{'method': 'POST', 'path': '/Users', 'data': {}}]"),
                            "Operations[0] is a POST and needs a bulkId"),
                    Arguments.of(request("", "[{'method': 'POST', 'path': '/Users', 'bulkId': '', 'data': {}}]"),
                            "Operations[0] has an empty bulkId"),
                    Arguments.of(request("", "[{'method': 'POST', 'path': '/Users', 'bulkId': 'a'}]"),
                            "Operations[0] is a POST and needs data"),
                    Arguments.of(request("", "[{'method': 'PUT', 'path': '/Users/1'}]"),
                            "Operations[0] is a PUT and needs data: a JSON object holding the resource"),
                    Arguments.of(request("", "[{'method': 'PATCH', 'path': '/Users/1', 'data': []}]"),
                            "Operations[0] is a PATCH and needs data: a JSON object holding the PatchOp message"),
                    Arguments.of(request("", "[{'method': 'DELETE', 'path': '/Users/1', 'version': 3}]"),
                            "Operations[0].version must be a string"),
                    Arguments.of(request("", "[" + post("a", "Users", user("a")) + ", " + post("b", "Users",
                            user("b")) + ", " + post("a", "Users", user("c")) + "]"),
                            "Operations[0] and Operations[2] both have bulkId 'a'"),
                    Arguments.of(request("", "[{'method': 'DELETE', 'Method': 'DELETE', 'path': '/Users/1'}]"),
                            "has both 'method' and 'Method'"));
        }

        private static String request(String members, String operations) {
            return "{'schemas': ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], " + members
                    + (operations == null ? "'failOnErrors': 1" : "'Operations': " + operations) + "}";
        }

        @ParameterizedTest
        @MethodSource("malformed")
        void aMalformedRequestIsRefusedWholeWithInvalidSyntaxBeforeAnythingRuns(String body, String detail) {
            FakeScimService service = new FakeScimService();

            ScimException refused = catchThrowableOfType(ScimException.class,
                    () -> PROCESSOR.process(json(body.replace('\'', '"')), 100, service));

            assertThat(refused).isInstanceOf(BadRequestException.class);
            assertThat(refused.scimType()).contains(ScimType.INVALID_SYNTAX);
            assertThat(refused.detail()).contains(detail);
            assertThat(service.calls()).isEmpty();
        }

        @Test
        void memberNamesAndMethodsMatchInAnyCase() {
            FakeScimService service = new FakeScimService().ids("42");
            JsonNode request = json(("{'SCHEMAS': ['urn:ietf:params:scim:api:messages:2.0:bulkrequest'],"
                    + " 'operations': [{'METHOD': 'post', 'Path': '/Users', 'BULKID': 'a', 'Data': "
                    + user("alice") + "}]}").replace('\'', '"'));

            ObjectNode response = PROCESSOR.process(request, 100, service);

            assertThat(response.get("Operations")).isEqualTo(json("""
                    [{"location": "https://example.com/v2/Users/42", "method": "POST", "bulkId": "a",
                      "version": "W/\\"v1\\"", "status": "201"}]"""));
            assertThat(service.calls()).extracting(FakeScimService.Call::method).containsExactly("POST");
        }

        @Test
        void anEmptyOperationsArrayAnswersAnEmptyResponse() {
            assertThat(PROCESSOR.process(bulk(""), 100, new FakeScimService())).isEqualTo(json("""
                    {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"], "Operations": []}"""));
        }
    }

    @Nested
    class FailOnErrors {

        /** Five deletes of which the second and the fourth hit missing users. */
        private JsonNode fiveDeletes(String failOnErrors) {
            StringBuilder ops = new StringBuilder();
            for (int i = 1; i <= 5; i++) {
                ops.append(i == 1 ? "" : ",").append("{'method': 'DELETE', 'path': '/Users/").append(i).append("'}");
            }
            return bulk(failOnErrors, ops.toString());
        }

        private FakeScimService usersOneThreeAndFive() {
            return new FakeScimService()
                    .seed("/Users/1", "W/\"1\"", "{}")
                    .seed("/Users/3", "W/\"3\"", "{}")
                    .seed("/Users/5", "W/\"5\"", "{}");
        }

        @Test
        void withoutFailOnErrorsEveryOperationRuns() {
            FakeScimService service = usersOneThreeAndFive();

            ObjectNode response = PROCESSOR.process(fiveDeletes(""), 100, service);

            assertThat(statuses(response)).containsExactly("204", "404", "204", "404", "204");
            assertThat(service.calls()).hasSize(5);
        }

        @Test
        void processingStopsAtTheNthErrorAndLeavesTheRestOut() {
            FakeScimService service = usersOneThreeAndFive();

            ObjectNode response = PROCESSOR.process(fiveDeletes("'failOnErrors': 2,"), 100, service);

            assertThat(statuses(response)).containsExactly("204", "404", "204", "404");
            assertThat(service.calls()).hasSize(4);
            assertThat(service.paths()).containsExactly("/Users/5");
        }

        @Test
        void fewerErrorsThanFailOnErrorsLetEverythingRun() {
            FakeScimService service = usersOneThreeAndFive();

            ObjectNode response = PROCESSOR.process(fiveDeletes("'failOnErrors': 3,"), 100, service);

            assertThat(statuses(response)).containsExactly("204", "404", "204", "404", "204");
        }

        @Test
        void failuresFoundBeforeRunningCountToo() {
            FakeScimService service = new FakeScimService();
            String ops = post("a", "Groups", group("A", "bulkId:nowhere")) + ","
                    + post("b", "Users", user("bob"));

            ObjectNode response = PROCESSOR.process(bulk("'failOnErrors': 1,", ops), 100, service);

            assertThat(statuses(response)).containsExactly("400");
            assertThat(service.calls()).isEmpty();
        }

        @Test
        void failOnErrorsCountsInTheOrderOperationsRunNotTheOrderTheyAreListed() {
            // The group needs the user, so the user's POST (which fails) runs first and the group never does.
            FakeScimService service = new FakeScimService().failOn("POST", "/Users",
                    BadRequestException.invalidValue("userName is required."));
            String ops = post("g", "Groups", group("G", "bulkId:u")) + "," + post("u", "Users", user("u"));

            ObjectNode response = PROCESSOR.process(bulk("'failOnErrors': 1,", ops), 100, service);

            assertThat(operations(response)).extracting(op -> op.get("bulkId").textValue()).containsExactly("u");
        }
    }

    @Nested
    class References {

        @Test
        void aGroupListedBeforeItsMemberRunsAfterItAndTheResponseKeepsRequestOrder() {
            FakeScimService service = new FakeScimService().ids("g-1", "u-1");
            String ops = post("g", "Groups", group("G", "bulkId:u")) + "," + post("u", "Users", user("u"));

            ObjectNode response = PROCESSOR.process(bulk(ops), 100, service);

            assertThat(service.calls()).extracting(FakeScimService.Call::path).containsExactly("/Users", "/Groups");
            assertThat(operations(response)).extracting(op -> op.get("location").textValue()).containsExactly(
                    "https://example.com/v2/Groups/u-1", "https://example.com/v2/Users/g-1");
            assertThat(service.resource("/Groups/u-1").at("/members/0/value").textValue()).isEqualTo("g-1");
        }

        @Test
        void aReferenceInThePathIsReplacedToo() {
            FakeScimService service = new FakeScimService().ids("u-1", "g-1");
            String ops = "{'method': 'PATCH', 'path': '/Groups/bulkId:g', 'data': {'schemas':"
                    + " ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], 'Operations': [{'op': 'add',"
                    + " 'path': 'members', 'value': [{'value': 'bulkId:u'}]}]}},"
                    + post("u", "Users", user("u")) + "," + post("g", "Groups", group("G"));

            ObjectNode response = PROCESSOR.process(bulk(ops), 100, service);

            assertThat(statuses(response)).containsExactly("200", "201", "201");
            assertThat(service.calls()).extracting(FakeScimService.Call::path)
                    .containsExactly("/Users", "/Groups", "/Groups/g-1");
            assertThat(operations(response).get(0).get("location").textValue())
                    .isEqualTo("https://example.com/v2/Groups/g-1");
            assertThat(service.resource("/Groups/g-1").get("members")).isEqualTo(json("[{\"value\": \"u-1\"}]"));
        }

        @Test
        void onlyAWholeStringIsAReferenceAndTheRequestIsLeftUnchanged() {
            FakeScimService service = new FakeScimService().ids("u-1", "g-1");
            JsonNode request = bulk(post("u", "Users", user("u")) + ","
                    + post("g", "Groups", group("see bulkId:u", "bulkId:u", "bulkId:", "BULKID:u")));
            JsonNode original = request.deepCopy();

            PROCESSOR.process(request, 100, service);

            assertThat(service.resource("/Groups/g-1").get("displayName").textValue())
                    .isEqualTo("see bulkId:u");
            assertThat(service.resource("/Groups/g-1").get("members")).isEqualTo(json("""
                    [{"value": "u-1"}, {"value": "bulkId:"}, {"value": "BULKID:u"}]"""));
            assertThat(request).isEqualTo(original);
        }

        @Test
        void aReferenceToAnUnknownBulkIdFailsThatOperationWithInvalidValue() {
            FakeScimService service = new FakeScimService();
            String ops = post("g", "Groups", group("G", "bulkId:nobody")) + "," + post("u", "Users", user("u"));

            ObjectNode response = PROCESSOR.process(bulk(ops), 100, service);

            JsonNode failed = operations(response).get(0);
            assertThat(failed.get("status").textValue()).isEqualTo("400");
            assertThat(failed.at("/response/scimType").textValue()).isEqualTo("invalidValue");
            assertThat(detail(failed)).startsWith("No operation in this bulk request has bulkId 'nobody'");
            assertThat(failed.has("location")).isFalse();
            assertThat(statuses(response)).containsExactly("400", "201");
            assertThat(service.calls()).extracting(FakeScimService.Call::path).containsExactly("/Users");
        }

        @Test
        void aReferenceToTheBulkIdOfAnOperationOtherThanAPostFailsWithInvalidValue() {
            FakeScimService service = new FakeScimService().seed("/Users/1", "W/\"1\"", "{}");
            String ops = "{'method': 'DELETE', 'path': '/Users/1', 'bulkId': 'd'},"
                    + post("g", "Groups", group("G", "bulkId:d"));

            ObjectNode response = PROCESSOR.process(bulk(ops), 100, service);

            assertThat(operations(response).get(0).get("bulkId").textValue()).isEqualTo("d");
            assertThat(statuses(response)).containsExactly("204", "400");
            assertThat(detail(operations(response).get(1))).contains("bulkId 'd' belongs to a DELETE");
        }

        @Test
        void aReferenceToAFailedPostFailsWith409AndSoDoesEverythingThatDependsOnIt() {
            FakeScimService service = new FakeScimService().failOn("POST", "/Users",
                    BadRequestException.invalidValue("userName is required."));
            String ops = post("u", "Users", user("u")) + ","
                    + post("g", "Groups", group("G", "bulkId:u")) + ","
                    + "{'method': 'PATCH', 'path': '/Groups/bulkId:g', 'data': {'Operations': []}},"
                    + post("h", "Groups", group("H", "bulkId:g"));

            ObjectNode response = PROCESSOR.process(bulk(ops), 100, service);

            assertThat(statuses(response)).containsExactly("400", "409", "409", "409");
            assertThat(detail(operations(response).get(1))).isEqualTo("This operation refers to bulkId 'u', but"
                    + " the POST with that bulkId (Operations[0]) failed with status 400, so this operation was"
                    + " not run; fix that POST and send both again.");
            assertThat(detail(operations(response).get(3))).contains("bulkId 'g'").contains("status 409");
            assertThat(operations(response).get(2).has("location")).isFalse();
            assertThat(operations(response).get(1).at("/response/scimType").isMissingNode()).isTrue();
            assertThat(service.calls()).hasSize(1);
        }

        @Test
        void aPostReferringToItselfIsACycleOfOne() {
            FakeScimService service = new FakeScimService();

            ObjectNode response = PROCESSOR.process(bulk(post("g", "Groups", group("G", "bulkId:g"))), 100,
                    service);

            assertThat(statuses(response)).containsExactly("409");
            assertThat(detail(operations(response).get(0))).contains("form a cycle (g -> g)");
            assertThat(service.calls()).isEmpty();
        }

        @Test
        void everyOperationOnALongerCycleNamesTheCycleFromItselfAndThoseBehindItFailAsDependents() {
            FakeScimService service = new FakeScimService();
            String ops = post("a", "Groups", group("A", "bulkId:b")) + ","
                    + post("b", "Groups", group("B", "bulkId:c")) + ","
                    + post("c", "Groups", group("C", "bulkId:a")) + ","
                    + post("d", "Groups", group("D", "bulkId:c")) + ","
                    + post("e", "Groups", group("E"));

            ObjectNode response = PROCESSOR.process(bulk(ops), 100, service);

            List<JsonNode> results = operations(response);
            assertThat(statuses(response)).containsExactly("409", "409", "409", "409", "201");
            assertThat(detail(results.get(0))).contains("(a -> b -> c -> a)");
            assertThat(detail(results.get(1))).contains("(b -> c -> a -> b)");
            assertThat(detail(results.get(2))).contains("(c -> a -> b -> c)");
            assertThat(detail(results.get(3))).startsWith("This operation refers to bulkId 'c', but the POST");
            assertThat(service.calls()).extracting(FakeScimService.Call::path).containsExactly("/Groups");
        }

        @Test
        void aPostThatReportsNoIdLeavesItsDependentsWithA500() {
            FakeScimService service = new FakeScimService().withoutPostIds();
            String ops = post("u", "Users", user("u")) + "," + post("g", "Groups", group("G", "bulkId:u"));

            ObjectNode response = PROCESSOR.process(bulk(ops), 100, service);

            assertThat(statuses(response)).containsExactly("201", "500");
            assertThat(detail(operations(response).get(1))).contains("did not report its id");
        }
    }

    @Nested
    class Execution {

        @Test
        void theExecutorGetsTheUpperCaseMethodTheVersionAndNoDataForADelete() {
            FakeScimService service = new FakeScimService().seed("/Users/1", "W/\"1\"", "{}");

            PROCESSOR.process(json("""
                    {
                      "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                      "Operations": [
                        {"method": "delete", "path": "/Users/1", "version": "W/\\"1\\"", "data": {"userName": "x"}}
                      ]
                    }"""), 100, service);

            assertThat(service.calls()).containsExactly(new FakeScimService.Call("DELETE", "/Users/1", "W/\"1\"",
                    null));
        }

        @Test
        void anUnexpectedExecutorFailureBecomesA500ForThatOperationOnly() {
            FakeScimService service = new FakeScimService()
                    .seed("/Users/1", "W/\"1\"", "{}")
                    .failOn("PUT", "/Users/1", new IllegalStateException("connection reset; password=hunter2"));
            String ops = "{'method': 'PUT', 'path': '/Users/1', 'data': " + user("x") + "},"
                    + post("u", "Users", user("u"));

            ObjectNode response = PROCESSOR.process(bulk(ops), 100, service);

            assertThat(operations(response).get(0)).isEqualTo(json("""
                    {
                      "location": "https://example.com/v2/Users/1",
                      "method": "PUT",
                      "status": "500",
                      "response": {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "detail": "The service provider failed unexpectedly while processing this operation. \
                    The other operations are not affected; retry this one later, or report the failure to the \
                    service provider's operator.",
                        "status": "500"
                      }
                    }"""));
            assertThat(statuses(response)).containsExactly("500", "201");
        }

        @Test
        void aScimExceptionKeepsItsStatusScimTypeAndDetail() {
            FakeScimService service = new FakeScimService().ids("1");
            String ops = post("a", "Users", user("alice")) + "," + post("b", "Users", user("alice"));

            ObjectNode response = PROCESSOR.process(bulk(ops), 100, service);

            assertThat(operations(response).get(1)).isEqualTo(json("""
                    {
                      "method": "POST",
                      "bulkId": "b",
                      "status": "409",
                      "response": {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                        "scimType": "uniqueness",
                        "detail": "userName \\"alice\\" is already in use.",
                        "status": "409"
                      }
                    }"""));
        }

        @Test
        void aSuccessfulResultMustBeASuccess() {
            assertThatThrownBy(() -> new BulkResult(404, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("404");
        }
    }

    @Nested
    class Batches {

        private static final String SEVEN_USERS = String.join(", ", post("u1", "Users", user("u1")),
                post("u2", "Users", user("u2")), post("u3", "Users", user("u3")), post("u4", "Users", user("u4")),
                post("u5", "Users", user("u5")), post("u6", "Users", user("u6")), post("u7", "Users", user("u7")));

        /** A processor whose batches end once {@code batchNanos} have passed on the service's clock (a POST: 1). */
        private BulkProcessor processor(TransactionalService service, long batchNanos) {
            return new BulkProcessor(10, 10_000, batchNanos, () -> service.now);
        }

        @Test
        void aBatchTakesOperationsUntilItsTimeIsUp() {
            TransactionalService service = new TransactionalService(true, false, Set.of());

            ObjectNode response = processor(service, 3).process(bulk(SEVEN_USERS), 100, service);

            assertThat(statuses(response)).containsOnly("201").hasSize(7);
            assertThat(service.batchOfCall()).containsExactly(1, 1, 1, 2, 2, 2, 3);
            assertThat(service.committed()).hasSize(7);
        }

        @Test
        void aBatchRunAgainReportsOnlyWhatItsLastRunDid() {
            TransactionalService service = new TransactionalService(true, true, Set.of())
                    .then(TransactionalService.End.RUN_AGAIN);
            JsonNode request = bulk(String.join(", ", post("g", "Groups", group("G", "bulkId:a", "bulkId:b")),
                    post("a", "Users", user("a")), post("b", "Users", user("b"))));

            ObjectNode response = processor(service, 1_000).process(request, 100, service);

            // The first run made id1 to id3, which the undo threw away; the second made id4 to id6.
            assertThat(service.batchOfCall()).containsExactly(1, 1, 1, 2, 2, 2);
            assertThat(operations(response)).extracting(op -> op.get("location").textValue()).containsExactly(
                    FakeScimService.BASE + "/Groups/id6", FakeScimService.BASE + "/Users/id4",
                    FakeScimService.BASE + "/Users/id5");
            assertThat(service.committed().keySet())
                    .containsExactlyInAnyOrder("/Users/id4", "/Users/id5", "/Groups/id6");
            assertThat(TransactionalService.members(service.committed().get("/Groups/id6")))
                    .containsExactly("id4", "id5");
        }

        @Test
        void afterABatchFailsAsAWholeTheRestRunsOneOperationAtATime() {
            TransactionalService service = new TransactionalService(true, true, Set.of())
                    .then(TransactionalService.End.COMMIT, TransactionalService.End.FAIL);

            ObjectNode response = processor(service, 2).process(bulk(SEVEN_USERS), 100, service);

            // Batch 1 committed u1 and u2; batch 2 (u3, u4) failed, and from there every call is on its own.
            assertThat(service.batchOfCall()).containsExactly(1, 1, 2, 2, 0, 0, 0, 0, 0);
            assertThat(service.batchesStarted()).isEqualTo(2);
            assertThat(statuses(response)).containsOnly("201").hasSize(7);
            assertThat(operations(response)).extracting(op -> op.get("location").textValue())
                    .allSatisfy(location -> assertThat(service.committed())
                            .containsKey(location.substring(FakeScimService.BASE.length())));
            assertThat(service.committed()).hasSize(7);
        }

        @Test
        void failuresCountAcrossBatchesAndStopTheRequestInsideOne() {
            TransactionalService service = new TransactionalService(true, false, Set.of("u2", "u4"));

            ObjectNode response = processor(service, 3).process(bulk("'failOnErrors': 2, ", SEVEN_USERS), 100,
                    service);

            assertThat(statuses(response)).containsExactly("201", "409", "201", "409");
            assertThat(service.batchOfCall()).containsExactly(1, 1, 1, 2);
            assertThat(service.committed()).hasSize(2);
        }
    }
}
