package org.scimengine.store.memory.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimengine.core.filter.ResolvedAttribute;
import org.scimengine.core.filter.ResolvedFilter;
import org.scimengine.core.schema.Attribute;
import org.scimengine.core.schema.AttributeType;
import org.scimengine.core.spi.UniqueValue;
import org.scimengine.filter.CompareOp;
import org.scimengine.filter.Comparison;
import org.scimengine.filter.Filter;
import org.scimengine.filter.FilterValue;

/**
 * Answers {@code userName eq "x"} from the unique-value index instead of scanning every resource of the type.
 * Clients look users up this way before nearly every provisioning write, so it is the one query worth an index.
 *
 * <p>It applies only when the whole filter is an {@code eq} on a string attribute that some resource of the type
 * holds unique values of: the engine computes unique values for every resource of a type from the same schema,
 * so a resource with a value of that attribute holds it in the index, folded exactly as
 * {@link UniqueValue#normalise} folds the filter's value. The index only proposes candidates; the search still
 * confirms each with {@link ResolvedFilter#matches}, so the answer is the scan's answer.
 */
final class UniqueLookup {

    private UniqueLookup() {
    }

    /**
     * The ids the filter can match, each once (a resource may hold one value twice, as two equal emails), or null
     * when the index cannot answer it and the search must scan.
     */
    static @Nullable Collection<String> candidates(ResolvedFilter resolved, String resourceType, TenantState state) {
        Filter filter = resolved.filter();
        if (!(filter instanceof Comparison)) {
            return null;
        }
        Comparison comparison = (Comparison) filter;
        if (comparison.operator() != CompareOp.EQ || !(comparison.value() instanceof FilterValue.StringValue)) {
            return null;
        }
        ResolvedAttribute attribute = resolved.attribute(comparison.attribute());
        if (attribute.leaf().type() != AttributeType.STRING) {
            return null;
        }
        String value = UniqueValue.normalise(((FilterValue.StringValue) comparison.value()).value(),
                attribute.leaf().caseExact());
        for (String name : fullNames(attribute, resolved.resourceType().schema())) {
            if (state.usesUnique(resourceType, name)) {
                Set<String> ids = new LinkedHashSet<>();
                for (TenantState.Holder holder : state.holders(new TenantState.Slot(name, value))) {
                    if (holder.resourceType().equals(resourceType)) {
                        ids.add(holder.id());
                    }
                }
                return ids;
            }
        }
        return null;
    }

    /**
     * The names a unique value may give the attribute, in lower case: {@code userName} (or its URN-qualified
     * form) for the core schema and common attributes, {@code urn:...:employeeNumber} for an extension's.
     */
    private static List<String> fullNames(ResolvedAttribute attribute, String coreSchema) {
        Attribute sub = attribute.subAttribute();
        String path = attribute.attribute().name() + (sub == null ? "" : "." + sub.name());
        String schema = attribute.schemaUrn();
        if (schema == null) {
            return List.of(TenantState.lower(path));
        }
        String qualified = TenantState.lower(schema + ":" + path);
        return schema.equalsIgnoreCase(coreSchema) ? List.of(TenantState.lower(path), qualified) : List.of(qualified);
    }
}
