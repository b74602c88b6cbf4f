package org.scimengine.demo.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.scimengine.core.schema.CoreSchemas;
import org.scimengine.core.schema.ResourceType;
import org.scimengine.core.schema.Schema;
import org.scimengine.core.schema.SchemaRegistry;

/**
 * The schemas and resource types of the vendor's SCIM API (seed 002): the core User with the enterprise
 * extension, the vendor's {@code sap} extension ({@code userUuid}) and the extension holding the access
 * attributes of its older user API (seed 000: {@code accessRole}, {@code allowedSystems}); and the core Group.
 *
 * <p>The extensions are optional in the resource type even though every stored user has both: the service fills
 * them in ({@link VendorRules}) after the schema checks, so a client need not send them.
 */
public final class VendorSchemas {

    /** The vendor's extension, with {@code userUuid}. */
    public static final String SAP_USER_URN = "urn:ietf:params:scim:schemas:extension:sap:2.0:User";
    /**
     * The access attributes of seed 000. The URN follows the vendor's own {@code sap} extension, in the
     * namespace identity providers' attribute editors expect.
     */
    public static final String ACCESS_USER_URN = "urn:ietf:params:scim:schemas:extension:walkme:2.0:User";

    /** The sap extension. */
    public static final Schema SAP_USER = schema("SapUser.json");
    /** The access attributes extension. */
    public static final Schema ACCESS_USER = schema("WalkMeUser.json");
    /** Users at {@code /Users}, with the enterprise, sap and access extensions, all optional. */
    public static final ResourceType USER_TYPE = resourceType("UserResourceType.json");
    /** Groups at {@code /Groups}. */
    public static final ResourceType GROUP_TYPE = resourceType("GroupResourceType.json");

    private VendorSchemas() {
    }

    /** The registry the demo serves. */
    public static SchemaRegistry registry() {
        return SchemaRegistry.builder()
                .addSchema(CoreSchemas.USER)
                .addSchema(CoreSchemas.ENTERPRISE_USER)
                .addSchema(SAP_USER)
                .addSchema(ACCESS_USER)
                .addSchema(CoreSchemas.GROUP)
                .addResourceType(USER_TYPE)
                .addResourceType(GROUP_TYPE)
                .build();
    }

    /** Whether a resource type is the one these rules are about: users of the core User schema. */
    static boolean isUser(ResourceType type) {
        return type.schema().equalsIgnoreCase(CoreSchemas.USER_URN);
    }

    private static Schema schema(String resource) {
        return Schema.fromJson(read(resource));
    }

    private static ResourceType resourceType(String resource) {
        return ResourceType.fromJson(read(resource));
    }

    private static String read(String resource) {
        try (InputStream in = VendorSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the demo's jar lacks " + resource + "; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the demo's jar", e);
        }
    }
}
