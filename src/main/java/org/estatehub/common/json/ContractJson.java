package org.estatehub.common.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    }
}
