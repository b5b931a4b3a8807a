package org.estatehub.common.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The generated models mark required properties for Jackson, which then stops at the first missing
 * one. Bean Validation checks the same rule and reports every missing field at once, so Jackson is
 * told to leave it to validation.
 */
@Singleton
public class ContractJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasRequiredMarker(AnnotatedMember member) {
                return null;
            }
        });
        // The contract's strings are JSON strings: a number where an amount string belongs is refused,
        // not silently converted.
        var textual = mapper.coercionConfigFor(LogicalType.Textual);
        textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // A date is a "YYYY-MM-DD" string: a number (Jackson would read it as days since 1970) is refused.
        var dates = mapper.coercionConfigFor(LogicalType.DateTime);
        dates.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        dates.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // An integer property (housingCapacity, desks, homes) given 1.5 would otherwise be truncated to 1 and
        // saved as if sent: refused instead (InvalidFormatException, a 400 naming the field). 2.0 is refused
        // too: Jackson reads any number with a fraction part as a float, and the contract says integer.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A uniqueItems array given a repeated item is refused, not silently merged (UniqueItems).
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("unique-items")
                .setDeserializerModifier(new UniqueItems()));
    }
}
