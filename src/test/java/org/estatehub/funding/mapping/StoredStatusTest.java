package org.estatehub.funding.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.estatehub.funding.BidStatus;
import org.estatehub.funding.ClaimStatus;
import org.estatehub.funding.FundingRoundStatus;
import org.estatehub.mou.MouMapper;
import org.estatehub.mou.MouStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The domain status enums are stored by name: their names must be exactly the strings the database's
 * check constraints allow, and each must map to the contract's value of the same name.
 */
@Tag("fast")
class StoredStatusTest {

    private static List<String> allowedByDatabase(String table) throws IOException {
        String sql;
        try (InputStream in = StoredStatusTest.class.getClassLoader().getResourceAsStream("db/migration/V4__funding.sql")) {
            assertNotNull(in, "V4__funding.sql on the class path");
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher block = Pattern.compile("create table " + table + " \\((.*?)\\n\\);", Pattern.DOTALL).matcher(sql);
        assertEquals(true, block.find(), "table " + table);
        Matcher check = Pattern.compile("check \\(status in \\(([^)]*)\\)\\)").matcher(block.group(1));
        assertEquals(true, check.find(), "status check of " + table);
        return Arrays.stream(check.group(1).split(",")).map(s -> s.strip().replace("'", "")).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void namesAreTheStoredStrings() throws IOException {
        assertEquals(allowedByDatabase("funding_round"), names(FundingRoundStatus.values()));
        assertEquals(allowedByDatabase("bid"), names(BidStatus.values()));
        assertEquals(allowedByDatabase("claim"), names(ClaimStatus.values()));
        assertEquals(allowedByDatabase("mou"), names(MouStatus.values()));
    }

    @Test
    void eachMapsToTheContractValueOfTheSameName() {
        for (FundingRoundStatus s : FundingRoundStatus.values()) {
            assertEquals(s.name(), FundingMapper.toApi(s).toString());
            assertEquals(s, FundingMapper.fromApi(FundingMapper.toApi(s)));
        }
        assertEquals(org.estatehub.api.model.RoundStatus.values().length, FundingRoundStatus.values().length);
        for (BidStatus s : BidStatus.values()) {
            assertEquals(s.name(), FundingMapper.toApi(s).toString());
            assertEquals(s, FundingMapper.fromApi(FundingMapper.toApi(s)));
        }
        assertEquals(org.estatehub.api.model.BidStatus.values().length, BidStatus.values().length);
        for (ClaimStatus s : ClaimStatus.values()) {
            assertEquals(s.name(), FundingMapper.toApi(s).toString());
        }
        assertEquals(org.estatehub.api.model.ClaimStatus.values().length, ClaimStatus.values().length);
        for (MouStatus s : MouStatus.values()) {
            assertEquals(s.name(), MouMapper.toApi(s).toString());
        }
        for (var to : org.estatehub.api.model.MouStatusChange.ToStatusEnum.values()) {
            assertEquals(to.toString(), MouMapper.fromApi(to).name());
        }
        // The contract has one more MOU status, EXPIRED, which is derived and never stored.
        assertEquals(org.estatehub.api.model.MouStatus.values().length, MouStatus.values().length + 1);
    }
}
