package org.estatehub.common.json;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.CollectionType;

/**
 * The contract's `uniqueItems: true` arrays become {@link Set}s in the generated models, and Jackson fills a
 * set by adding each item: a repeated item would be dropped without a word, and the caller would believe
 * what they sent was taken as sent (`eventTypes: [CREATED, CREATED]`, an email domain twice). Every set is
 * read as the list it is in JSON instead, and the first repeat refused with its index, which
 * {@code ProblemMappers} answers as a 400 naming the field (`eventTypes[1]`).
 */
public final class UniqueItems extends BeanDeserializerModifier {

    /** A repeated item of a unique-items array, at the path Jackson builds up to it. */
    public static final class DuplicateItemException extends MismatchedInputException {
        private static final long serialVersionUID = 1L;

        DuplicateItemException(JsonParser parser, String message, JavaType setType) {
            super(parser, message, setType);
        }
    }

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
            BeanDescription description, JsonDeserializer<?> deserializer) {
        if (!Set.class.isAssignableFrom(type.getRawClass())) {
            return deserializer;
        }
        return new RefusingRepeats(type, config.getTypeFactory().constructCollectionType(List.class,
                type.getContentType()));
    }

    private static final class RefusingRepeats extends StdDeserializer<Set<Object>> {
        private static final long serialVersionUID = 1L;
        private final JavaType setType;
        private final JavaType listType;

        RefusingRepeats(JavaType setType, JavaType listType) {
            super(setType);
            this.setType = setType;
            this.listType = listType;
        }

        @Override
        public Set<Object> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            List<Object> items = context.readValue(parser, listType);
            Set<Object> set = emptySet();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (!set.add(item)) {
                    DuplicateItemException repeat = new DuplicateItemException(parser,
                            "repeats '" + item + "' (item " + indexOf(items, item) + "); the items must be unique",
                            setType);
                    repeat.prependPath(items, i);
                    throw repeat;
                }
            }
            return set;
        }

        private Set<Object> emptySet() {
            return SortedSet.class.isAssignableFrom(setType.getRawClass()) ? new TreeSet<>() : new LinkedHashSet<>();
        }

        private static int indexOf(Collection<Object> items, Object item) {
            int i = 0;
            for (Object each : items) {
                if (each == null ? item == null : each.equals(item)) {
                    return i;
                }
                i++;
            }
            return -1;
        }
    }
}
