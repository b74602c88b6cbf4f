package org.scimengine.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Realistic SCIM filters (RFC 7644 §3.4.2.2) for the parser benchmarks: what Okta and Microsoft Entra ID
 * send (see IDP-BEHAVIOUR.md), the RFC's own examples, every value type, escapes, and a few long
 * and deeply grouped filters.
 *
 * <p>{@link #SHARED} is the corpus both parsers are measured on; every entry must parse with both
 * scim-engine's parser and the UnboundID SCIM 2 SDK's, which {@code FilterParseBenchmark} checks at setup.
 * Filters only our parser accepts stay out, so the comparison is like for like: Entra ID's matching-attribute
 * form {@code emails[type eq "work"].value eq "..."} (not in RFC 7644's ABNF; UnboundID 5.0.0 rejects it with
 * "Unexpected character '.value'") and tabs between tokens.
 *
 * <p>{@link #USER_EVALUATION}, the part of {@link #SHARED} that resolves against the User resource type, is the
 * corpus of {@code FilterEvaluateBenchmark}.
 */
public final class FilterCorpus {

    /** A chain of 20 {@code id eq "<uuid>"} terms joined by {@code or}, as a bulk lookup by id looks. */
    static final String OR_CHAIN_OF_20_IDS = idChain(20);

    /** Parsed by both parsers. */
    public static final List<String> SHARED = List.of(
            // ---- Okta: `eq` on userName, also repeated in upper case by its spec test ----
            "userName eq \"alice.johnson@example.com\"",
            "userName eq \"ALICE.JOHNSON@EXAMPLE.COM\"",
            // Okta's group-member removal path, as a filter: a value path on members.
            "members[value eq \"00u1a2b3c4D5e6F7g8h9\"]",

            // ---- Entra ID: `eq` and `and` only ----
            "userName eq \"AdeleV@contoso.onmicrosoft.com\"",
            "externalId eq \"AdeleV\"",
            // Test Connection: the matching attribute with a random GUID, expecting no match.
            "userName eq \"7d4c0f3e-9b1a-4e2f-8c6d-5a3b2e1f0d9c\"",
            "displayName eq \"Sales Team EMEA\"",
            "id eq \"2819c223-7f76-453a-919d-413861904646\" and manager eq \"902c246b-6245-4190-8e05-00816be7344a\"",
            "id eq \"e9e30dba-f08f-4109-8486-d5c6a331660a\" and members eq \"2819c223-7f76-453a-919d-413861904646\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"",

            // ---- RFC 7644 §3.4.2.2 examples ----
            "userName eq \"bjensen\"",
            "name.familyName co \"O'Malley\"",
            "userName sw \"J\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
            "title pr",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
            "meta.lastModified ge \"2011-05-13T04:42:34Z\"",
            "meta.lastModified lt \"2011-05-13T04:42:34Z\"",
            "meta.lastModified le \"2011-05-13T04:42:34Z\"",
            "title pr and userType eq \"Employee\"",
            "title pr or userType eq \"Intern\"",
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType eq \"Employee\" and (emails.type eq \"work\")",
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",

            // ---- Value types: booleans, null, numbers ----
            "active eq true",
            "active eq false and meta.resourceType eq \"User\"",
            "nickName eq null",
            "urn:ietf:params:scim:schemas:extension:acme:2.0:User:loginCount ge 42",
            "urn:ietf:params:scim:schemas:extension:acme:2.0:User:quotaGb lt 1.5e3",
            "urn:ietf:params:scim:schemas:extension:acme:2.0:User:balance gt -12.25",

            // ---- Escapes and case ----
            "displayName eq \"Barbara \\\"Babs\\\" Jensen\"",
            "title eq \"R\\u00e9sum\\u00e9 reviewer \\\\ back office\"",
            "userName eq \"first\\/last@example.com\"",
            "userName EQ \"bjensen\" AND active Eq true",
            "addresses[type eq \"work\" and postalCode eq \"91608\"]",
            "members[value eq \"2819c223-7f76-453a-919d-413861904646\" or value eq \"902c246b-6245-4190-8e05-00816be7344a\"]",

            // ---- Complex: nested groups, 5-10 term chains, a 20-term id chain ----
            "(userType eq \"Employee\" or userType eq \"Contractor\") and (not (active eq false)"
                    + " and (emails[type eq \"work\" and primary eq true] or phoneNumbers[type eq \"mobile\" and value sw \"+1\"]))",
            "active eq true and userType eq \"Employee\" and title pr and name.familyName sw \"J\""
                    + " and meta.created ge \"2020-01-01T00:00:00Z\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Sales\""
                    + " or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Marketing\""
                    + " and active eq true"
                    + " or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter eq \"4130\""
                    + " and not (userType eq \"Intern\")"
                    + " or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division sw \"EMEA\""
                    + " and meta.lastModified gt \"2024-06-01T00:00:00Z\""
                    + " and emails[type eq \"work\"]",
            "userName eq \"alice\" or userName eq \"bob\" or userName eq \"carol\" or userName eq \"dave\""
                    + " or userName eq \"erin\" or userName eq \"frank\" or userName eq \"grace\" or userName eq \"heidi\""
                    + " or userName eq \"ivan\" or userName eq \"judy\"",
            "((name.givenName sw \"A\" and name.familyName ew \"son\") or (name.givenName sw \"B\""
                    + " and not (name.familyName co \"x\" or nickName pr))) and (locale eq \"en-US\" or (locale eq \"en-GB\""
                    + " and timezone eq \"Europe/London\"))",
            OR_CHAIN_OF_20_IDS);

    /**
     * The shared filters that do not resolve against the standard User resource type
     * ({@code CoreSchemas.USER_TYPE}: the core User schema and the enterprise extension), so
     * {@code ResolvedFilter.parse} rejects them with {@code invalidFilter} and they stay out of
     * {@link #USER_EVALUATION}:
     * <ul>
     *   <li>the three {@code members} filters (Okta's group-member path, Entra's {@code id eq … and members eq …}
     *       and the two-id value path): {@code members} is a Group attribute, unknown for Users;</li>
     *   <li>the three {@code urn:ietf:params:scim:schemas:extension:acme:2.0:User:…} filters ({@code loginCount},
     *       {@code quotaGb}, {@code balance}): that extension is not one of the User type's schemas.</li>
     * </ul>
     * {@code FilterEvaluateBenchmark} checks at setup that each of these is still rejected and that every other
     * shared filter resolves.
     */
    static final List<String> EXCLUDED_FROM_USER_EVALUATION = List.of(
            // unknown attribute 'members' for resource type User
            "members[value eq \"00u1a2b3c4D5e6F7g8h9\"]",
            "id eq \"e9e30dba-f08f-4109-8486-d5c6a331660a\" and members eq \"2819c223-7f76-453a-919d-413861904646\"",
            "members[value eq \"2819c223-7f76-453a-919d-413861904646\" or value eq \"902c246b-6245-4190-8e05-00816be7344a\"]",
            // schema 'urn:ietf:params:scim:schemas:extension:acme:2.0:User' is not one of resource type User's
            "urn:ietf:params:scim:schemas:extension:acme:2.0:User:loginCount ge 42",
            "urn:ietf:params:scim:schemas:extension:acme:2.0:User:quotaGb lt 1.5e3",
            "urn:ietf:params:scim:schemas:extension:acme:2.0:User:balance gt -12.25");

    /**
     * The evaluation corpus of {@code FilterEvaluateBenchmark}: the {@link #SHARED} filters that resolve against
     * the standard User resource type, in their {@link #SHARED} order (40 of 46). All of them parse with both
     * parsers (they are shared filters), so no User filter had to be added to reach 30.
     */
    public static final List<String> USER_EVALUATION = SHARED.stream()
            .filter(filter -> !EXCLUDED_FROM_USER_EVALUATION.contains(filter))
            .toList();

    private FilterCorpus() {
    }

    private static String idChain(int terms) {
        List<String> parts = new ArrayList<>(terms);
        for (int i = 0; i < terms; i++) {
            // Deterministic, realistic-looking ids.
            UUID id = UUID.nameUUIDFromBytes(("user-" + i).getBytes(StandardCharsets.UTF_8));
            parts.add("id eq \"" + id + "\"");
        }
        return String.join(" or ", parts);
    }
}
