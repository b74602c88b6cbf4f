package org.scimengine.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The schemas and resource types RFC 7643 defines: User (§4.1), Group (§4.2) and the enterprise User
 * extension (§4.3), read from the RFC's §8.7.1 representation shipped in this jar.
 *
 * @since 0.1
 */
public final class CoreSchemas {

    /** {@code urn:ietf:params:scim:schemas:core:2.0:User} */
    public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    /** {@code urn:ietf:params:scim:schemas:core:2.0:Group} */
    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    /** {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User} */
    public static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** The core User schema. */
    public static final Schema USER = load("User.json");
    /** The core Group schema. */
    public static final Schema GROUP = load("Group.json");
    /** The enterprise User extension. */
    public static final Schema ENTERPRISE_USER = load("EnterpriseUser.json");

    /** Users at {@code /Users}, with the enterprise extension optional. */
    public static final ResourceType USER_TYPE = new ResourceType("User", "/Users", "User Account", USER_URN,
            List.of(new SchemaExtension(ENTERPRISE_USER_URN, false)));
    /** Groups at {@code /Groups}. */
    public static final ResourceType GROUP_TYPE = new ResourceType("Group", "/Groups", "Group", GROUP_URN, List.of());

    /**
     * The attributes every resource has whatever its schemas (RFC 7643 §3 and §3.1): {@code schemas}, {@code id},
     * {@code externalId} and {@code meta}. They belong to no schema; filters, sorting and projection name them
     * without a schema URN.
     */
    public static final List<Attribute> COMMON_ATTRIBUTES = List.of(
            Attribute.builder("schemas", AttributeType.REFERENCE).multiValued(true).required(true)
                    .referenceTypes(List.of("uri")).returned(Returned.ALWAYS)
                    .description("The URIs of the schemas the resource follows.").build(),
            Attribute.builder("id", AttributeType.STRING).caseExact(true).mutability(Mutability.READ_ONLY)
                    .returned(Returned.ALWAYS).uniqueness(Uniqueness.GLOBAL)
                    .description("The service provider's stable identifier of the resource.").build(),
            Attribute.builder("externalId", AttributeType.STRING).caseExact(true)
                    .description("The provisioning client's identifier of the resource.").build(),
            Attribute.builder("meta", AttributeType.COMPLEX).mutability(Mutability.READ_ONLY)
                    .description("Resource metadata maintained by the service provider.")
                    .subAttributes(List.of(
                            Attribute.builder("resourceType", AttributeType.STRING).caseExact(true)
                                    .mutability(Mutability.READ_ONLY).description("The resource type's name.").build(),
                            Attribute.builder("created", AttributeType.DATE_TIME).mutability(Mutability.READ_ONLY)
                                    .description("When the resource was added.").build(),
                            Attribute.builder("lastModified", AttributeType.DATE_TIME)
                                    .mutability(Mutability.READ_ONLY)
                                    .description("When the resource was last changed.").build(),
                            Attribute.builder("location", AttributeType.REFERENCE).referenceTypes(List.of("uri"))
                                    .caseExact(true).mutability(Mutability.READ_ONLY)
                                    .description("The resource's URI.").build(),
                            Attribute.builder("version", AttributeType.STRING).caseExact(true)
                                    .mutability(Mutability.READ_ONLY)
                                    .description("The resource's version, as in its ETag.").build()))
                    .build());

    private CoreSchemas() {
    }

    /** The common attribute of that name, ignoring case. */
    public static Optional<Attribute> commonAttribute(String name) {
        for (Attribute attribute : COMMON_ATTRIBUTES) {
            if (attribute.name().equalsIgnoreCase(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    private static Schema load(String resource) {
        try (InputStream in = CoreSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return Schema.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }
}
