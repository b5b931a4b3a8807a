package org.estatehub.asset.mapping;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.estatehub.api.model.SourceColumn;

/**
 * An asset's verbatim source columns (asset.source_columns): the cells of an imported register row that
 * EstateHub has no field for, as a JSON array of {"name", "value"} in the file's order. Stored as text on
 * the entity so that imports (COPY) and reads (rows, entities) share one format without a JSON mapper in
 * the persistence layer.
 */
public final class SourceColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<SourceColumn>> LIST = new TypeReference<>() {
    };

    private SourceColumns() {
    }

    /** The stored JSON as the contract's list; an empty list when there is none. */
    public static List<SourceColumn> read(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("asset.source_columns holds invalid JSON", e);
        }
    }

    /** The list as stored; null for none, so that an asset without source columns stores SQL NULL. */
    public static String write(List<SourceColumn> columns) {
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Source columns could not be written as JSON", e);
        }
    }
}
