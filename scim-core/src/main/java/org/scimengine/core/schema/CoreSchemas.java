package org.scimengine.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    private CoreSchemas() {
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
