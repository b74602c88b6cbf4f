package org.scimengine.core.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.scimengine.filter.AttributePath;

/**
 * An attribute definition with every characteristic of RFC 7643 §2.2 and §7. Build one with
 * {@link #builder(String, AttributeType)}, whose defaults are the RFC's: single-valued, optional, not
 * case-exact, {@code readWrite}, returned by default, no uniqueness.
 *
 * @param name the name, {@code ALPHA *(ALPHA / DIGIT / "-" / "_")} or {@code $ref}
 * @param type the data type
 * @param multiValued whether the attribute holds an array of values
 * @param description a human-readable description; may be empty
 * @param required whether a resource must carry a value
 * @param caseExact whether string values compare case-sensitively
 * @param mutability whether and when clients may change it
 * @param returned when it appears in responses
 * @param uniqueness how unique its values must be
 * @param canonicalValues the values the service provider suggests (for example {@code work}, {@code home})
 * @param referenceTypes for a reference, what it may refer to (for example {@code User}, {@code external})
 * @param subAttributes for a complex attribute, its sub-attributes; none of them is complex itself
 * @since 0.1
 */
public record Attribute(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<Attribute> subAttributes) {

    /**
     * @throws IllegalArgumentException if the name is not an attribute name, a complex attribute has no
     *     sub-attributes or a complex one, another type has sub-attributes, reference types are given for
     *     a non-reference, or two sub-attributes share a name (ignoring case)
     */
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(uniqueness, "uniqueness");
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
        if (!AttributePath.isValidName(name)) {
            throw new IllegalArgumentException("not an attribute name: '" + name + "'");
        }
        if (type == AttributeType.COMPLEX) {
            if (subAttributes.isEmpty()) {
                throw new IllegalArgumentException("complex attribute '" + name + "' needs sub-attributes");
            }
            requireUniqueNames(subAttributes, "attribute '" + name + "'");
            for (Attribute sub : subAttributes) {
                if (sub.type() == AttributeType.COMPLEX) {
                    throw new IllegalArgumentException("sub-attribute '" + name + "." + sub.name()
                            + "' is complex; RFC 7643 §2.3.8 allows only one level of nesting");
                }
            }
        } else if (!subAttributes.isEmpty()) {
            throw new IllegalArgumentException("only a complex attribute has sub-attributes, '" + name + "' is "
                    + type.wire());
        }
        if (type != AttributeType.REFERENCE && !referenceTypes.isEmpty()) {
            throw new IllegalArgumentException("only a reference has referenceTypes, '" + name + "' is " + type.wire());
        }
    }

    /** A builder with RFC 7643 §2.2's defaults. */
    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    /** A builder holding this attribute's characteristics. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The sub-attribute of that name, ignoring case. */
    public Optional<Attribute> subAttribute(String subName) {
        for (Attribute sub : subAttributes) {
            if (sub.name.equalsIgnoreCase(subName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }

    static void requireUniqueNames(List<Attribute> attributes, String where) {
        Set<String> seen = new HashSet<>();
        for (Attribute attribute : attributes) {
            if (!seen.add(attribute.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(where + " defines '" + attribute.name() + "' twice");
            }
        }
    }

    /** Collects an attribute's characteristics; {@link #build()} validates them. */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private String description = "";
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = List.of();
        private List<String> referenceTypes = List.of();
        private List<Attribute> subAttributes = List.of();

        private Builder(String name, AttributeType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        private Builder(Attribute from) {
            this(from.name, from.type);
            multiValued = from.multiValued;
            description = from.description;
            required = from.required;
            caseExact = from.caseExact;
            mutability = from.mutability;
            returned = from.returned;
            uniqueness = from.uniqueness;
            canonicalValues = from.canonicalValues;
            referenceTypes = from.referenceTypes;
            subAttributes = from.subAttributes;
        }

        public Builder multiValued(boolean value) {
            multiValued = value;
            return this;
        }

        public Builder description(String value) {
            description = Objects.requireNonNull(value, "description");
            return this;
        }

        public Builder required(boolean value) {
            required = value;
            return this;
        }

        public Builder caseExact(boolean value) {
            caseExact = value;
            return this;
        }

        public Builder mutability(Mutability value) {
            mutability = Objects.requireNonNull(value, "mutability");
            return this;
        }

        public Builder returned(Returned value) {
            returned = Objects.requireNonNull(value, "returned");
            return this;
        }

        public Builder uniqueness(Uniqueness value) {
            uniqueness = Objects.requireNonNull(value, "uniqueness");
            return this;
        }

        public Builder canonicalValues(List<String> values) {
            canonicalValues = List.copyOf(values);
            return this;
        }

        public Builder referenceTypes(List<String> values) {
            referenceTypes = List.copyOf(values);
            return this;
        }

        public Builder subAttributes(List<Attribute> values) {
            subAttributes = List.copyOf(values);
            return this;
        }

        /**
         * @throws IllegalArgumentException as the {@link Attribute} constructor does
         */
        public Attribute build() {
            return new Attribute(name, type, multiValued, description, required, caseExact, mutability, returned,
                    uniqueness, canonicalValues, referenceTypes, subAttributes);
        }
    }
}
