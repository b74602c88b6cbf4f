package org.scimengine.core.spi;

import java.util.Objects;
import org.scimengine.core.internal.filter.FilterCompiler;

/**
 * A value no other resource may hold, as the engine computed it from an attribute whose {@code uniqueness} is
 * {@code server} or {@code global}. The engine has already folded the case of a value whose attribute is not
 * {@code caseExact}, so a store compares values exactly.
 *
 * @param attribute the attribute's full name, such as {@code userName} or {@code urn:...:User:employeeNumber}
 * @param value the value to compare exactly
 * @param global whether it must be unique across all resource types of the tenant, not only within the type; a
 *     global value conflicts with an equal value of the same attribute in any type, global or not
 * @since 0.1
 */
public record UniqueValue(String attribute, String value, boolean global) {

    public UniqueValue {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The unique value of an attribute's value, its case folded as filters fold it unless the attribute is
     * {@code caseExact}. A store that answers {@code userName eq "X"} from its unique values folds the filter's
     * value the same way.
     */
    public static UniqueValue of(String attribute, String value, boolean caseExact, boolean global) {
        return new UniqueValue(attribute, normalise(value, caseExact), global);
    }

    /** A value as unique values hold it: as it is if {@code caseExact}, else with its case folded. */
    public static String normalise(String value, boolean caseExact) {
        return caseExact ? value : FilterCompiler.fold(value);
    }
}
