package org.scimengine.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Writing a schema and reading it back gives the same schema, whatever its attributes. */
class SchemaJsonPropertiesTest {

    @Property(tries = 500)
    void writeThenReadGivesTheSameSchema(@ForAll("schemas") Schema schema) {
        assertThat(Schema.fromJson(schema.toJson())).isEqualTo(schema);
    }

    @Provide
    Arbitrary<Schema> schemas() {
        Arbitrary<List<Attribute>> attributes = uniquelyNamed(attribute(true), 8);
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), texts(), attributes)
                .as((id, description, list) -> new Schema("urn:x:" + id, id, description, list));
    }

    private static Arbitrary<Attribute> attribute(boolean complexAllowed) {
        Arbitrary<AttributeType> types = complexAllowed
                ? Arbitraries.of(AttributeType.class)
                : Arbitraries.of(AttributeType.class).filter(t -> t != AttributeType.COMPLEX);
        return Combinators.combine(names(), types, Arbitraries.of(true, false), texts(), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(Mutability.class), Arbitraries.of(Returned.class))
                .flatAs((name, type, multi, description, required, caseExact, mutability, returned) -> Combinators
                        .combine(Arbitraries.of(Uniqueness.class), texts().list().ofMaxSize(3),
                                texts().list().ofMaxSize(3),
                                type == AttributeType.COMPLEX ? uniquelyNamed(attribute(false), 4).filter(l -> !l.isEmpty())
                                        : Arbitraries.just(List.<Attribute>of()))
                        .as((uniqueness, canonical, referenceTypes, subs) -> Attribute.builder(name, type)
                                .multiValued(multi).description(description).required(required).caseExact(caseExact)
                                .mutability(mutability).returned(returned).uniqueness(uniqueness)
                                .canonicalValues(canonical)
                                .referenceTypes(type == AttributeType.REFERENCE ? referenceTypes : List.of())
                                .subAttributes(subs)
                                .build()));
    }

    private static Arbitrary<List<Attribute>> uniquelyNamed(Arbitrary<Attribute> attribute, int max) {
        return attribute.list().ofMaxSize(max).map(list -> {
            Set<String> seen = new HashSet<>();
            List<Attribute> unique = new ArrayList<>();
            for (Attribute a : list) {
                if (seen.add(a.name().toLowerCase(Locale.ROOT))) {
                    unique.add(a);
                }
            }
            return unique;
        });
    }

    private static Arbitrary<String> names() {
        return Combinators.combine(Arbitraries.chars().alpha(),
                        Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMaxLength(8))
                .as((first, rest) -> first + rest);
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMaxLength(12);
    }
}
