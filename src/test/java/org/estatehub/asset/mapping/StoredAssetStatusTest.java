package org.estatehub.asset.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.estatehub.asset.AssetStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The domain AssetStatus is stored by name: its names must be exactly the strings the database's check
 * constraint allows, and each maps to the contract's value of the same name and back.
 */
@Tag("fast")
class StoredAssetStatusTest {

    @Test
    void namesAreTheStoredStrings() throws IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/migration/V2__assets.sql")) {
            assertNotNull(in, "V2__assets.sql on the class path");
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher check = Pattern.compile("status\\s+varchar\\(20\\)\\s+not null check \\(status in \\(([^)]*)\\)\\)")
                .matcher(sql);
        assertTrue(check.find(), "the status check of table asset");
        List<String> allowed = Arrays.stream(check.group(1).split(",")).map(s -> s.strip().replace("'", "")).toList();
        assertEquals(allowed, Arrays.stream(AssetStatus.values()).map(Enum::name).toList());
    }

    @Test
    void eachMapsToTheContractValueOfTheSameName() {
        for (AssetStatus status : AssetStatus.values()) {
            assertEquals(status.name(), AssetMapper.toApi(status).toString());
            assertEquals(status, AssetMapper.fromApi(AssetMapper.toApi(status)));
        }
        for (org.estatehub.api.model.AssetStatus status : org.estatehub.api.model.AssetStatus.values()) {
            assertEquals(status.toString(), AssetMapper.fromApi(status).name());
        }
        assertEquals(org.estatehub.api.model.AssetStatus.values().length, AssetStatus.values().length);
        assertNull(AssetMapper.fromApi(null), "no status given stays no status");
    }
}
