package org.scimengine.core.internal.patch;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.internal.filter.AttributeResolver;
import org.scimengine.core.internal.filter.FilterResolution;
import org.scimengine.core.internal.filter.ResolutionException;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.schema.SchemaExtension;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterParser;
import org.scimengine.filter.FilterSyntaxException;
import org.scimengine.filter.PatchPath;

/**
 * What a PATCH operation's {@code path} designates on a resource type (RFC 7644 §3.5.2): a whole extension
 * ({@code urn:...:enterprise:2.0:User}), an attribute ({@code nickName}), a sub-attribute
 * ({@code name.familyName}), the elements of a complex attribute that a value filter selects
 * ({@code members[value eq "2819c223"]}), or a sub-attribute of those elements
 * ({@code emails[type eq "work"].value}).
 *
 * @param extension the extension schema's URN when the path names a whole extension, else null
 * @param attribute the attribute (with its sub-attribute, if any) the path ends at; null for a whole extension
 * @param valueFilter the resolved filter selecting elements of the attribute, or null
 */
public record PatchTarget(@Nullable String extension, @Nullable ResolvedAttribute attribute,
        @Nullable Filter valueFilter) {

    /**
     * Parses and resolves a path.
     *
     * @throws BadRequestException {@code invalidPath} if the text is not a path or names nothing of the
     *     resource type, or its value filter does not fit
     */
    public static PatchTarget parse(String text, FilterParser parser, AttributeResolver resolver) {
        PatchPath path;
        try {
            path = parser.parsePath(text);
        } catch (FilterSyntaxException e) {
            throw BadRequestException.invalidPath(e.getMessage());
        }
        return resolve(path, resolver);
    }

    /**
     * @throws BadRequestException {@code invalidPath} if the path names nothing of the resource type, or its
     *     value filter does not fit
     */
    public static PatchTarget resolve(PatchPath path, AttributeResolver resolver) {
        Objects.requireNonNull(path, "path");
        AttributePath attribute = path.attribute();
        String extension = wholeExtension(attribute, resolver);
        if (extension != null && path.valueFilter() == null) {
            return new PatchTarget(extension, null, null);
        }
        try {
            ResolvedAttribute resolved = resolver.resolve(attribute);
            Filter valueFilter = path.valueFilter();
            if (valueFilter == null) {
                return new PatchTarget(null, resolved, null);
            }
            if (resolved.subAttribute() != null || resolved.attribute().type() != AttributeType.COMPLEX) {
                throw new ResolutionException("'" + attribute + "' is not a complex attribute, so it takes no value"
                        + " filter");
            }
            Filter resolvedFilter = FilterResolution.resolveWithin(valueFilter, resolver, resolved);
            String sub = path.subAttribute();
            ResolvedAttribute target = sub == null
                    ? resolved
                    : resolver.resolveWithin(resolved, AttributePath.of(sub));
            return new PatchTarget(null, target, resolvedFilter);
        } catch (ResolutionException e) {
            throw BadRequestException.invalidPath(e.getMessage());
        }
    }

    /** The URN of the extension a bare schema URN names ({@code urn:...:2.0} + {@code User}), or null. */
    private static @Nullable String wholeExtension(AttributePath path, AttributeResolver resolver) {
        if (path.schemaUrn() == null || path.subAttribute() != null) {
            return null;
        }
        String urn = path.fullText();
        for (SchemaExtension extension : resolver.resourceType().schemaExtensions()) {
            if (extension.schema().equalsIgnoreCase(urn)) {
                return extension.schema();
            }
        }
        return null;
    }
}
