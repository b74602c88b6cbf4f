package org.scimengine.jaxrs;

/**
 * Decides whether an authenticated principal may act on a resource type; a refusal answers 403.
 *
 * <p>Every resource request asks: {@code GET /Users/{id}} asks for {@link ScimAction#READ} on {@code /Users};
 * a Bulk request asks once per operation, before any runs; a {@code POST /.search} at the root asks for read on
 * every resource type; {@code /Me} asks for the resource type the {@link MeResolver} names. The discovery
 * endpoints ({@code /ServiceProviderConfig}, {@code /ResourceTypes}, {@code /Schemas}) ask nothing: any
 * authenticated principal may read them, since clients read them to configure themselves and they hold no
 * tenant's data.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ScimAuthorizer {

    /**
     * @param principal who asks
     * @param endpoint the resource type's endpoint, such as {@code /Users}
     * @param action what it wants to do
     * @return whether it may
     */
    boolean permits(ScimPrincipal principal, String endpoint, ScimAction action);

    /**
     * The default: a principal may do what its {@link ScimPrincipal#scopes() scopes} name, as
     * {@link ScimAction#scopeFor(String)} spells them ({@code users:read}, {@code users:write},
     * {@code users:delete}, {@code groups:read}...).
     */
    static ScimAuthorizer scopes() {
        return (principal, endpoint, action) -> principal.scopes().contains(action.scopeFor(endpoint));
    }
}
