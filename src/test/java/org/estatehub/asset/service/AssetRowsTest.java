package org.estatehub.asset.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** AssetRows reads its select list by position: the list and the count the searches rely on must agree. */
@FastTest
class AssetRowsTest {

    /** The select list's items: split at the commas outside parentheses. */
    private static List<String> items(String selectList) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selectList.length(); i++) {
            char c = selectList.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(selectList.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(selectList.substring(start).strip());
        return items;
    }

    @Test
    void theColumnCountIsTheSelectListsLength() {
        List<String> items = items(AssetRows.COLUMNS);
        assertEquals(AssetRows.COLUMN_COUNT, items.size(), items.toString());
        assertEquals("a.id", items.get(0));
        assertEquals("a.version", items.get(items.size() - 1));
    }

    @Test
    void theGeneratedFootprintsAreNotRead() {
        List<String> items = items(AssetRows.COLUMNS);
        assertEquals(List.of(), items.stream().filter(i -> i.contains("footprint") || i.equals("a.*")
                || i.equals("a.boundary")).toList());
    }
}
