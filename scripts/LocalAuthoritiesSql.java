import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the migration that loads src/main/resources/reference/uk-local-authorities.csv into local_authority.
 * The migration is generated once per release of the reference file, then frozen like every migration: a
 * new release of the file gets a new migration (upserting changed rows), never an edited one.
 *
 *   java scripts/LocalAuthoritiesSql.java src/main/resources/reference/uk-local-authorities.csv > V13__local_authorities.sql
 */
public class LocalAuthoritiesSql {

    public static void main(String[] args) throws IOException {
        List<List<String>> records = parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() != header.size()) {
                throw new IllegalStateException("row " + rows.size() + " has " + record.size() + " fields");
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i).strip());
            }
            rows.add(row);
        }
        Map<String, String> gssByLaCode = new HashMap<>();
        rows.forEach(row -> gssByLaCode.put(row.get("local-authority-code"), row.get("gss-code")));

        StringBuilder sql = new StringBuilder();
        sql.append("""
                -- Every UK local authority with a GSS code, current and former, as reference data: assets, partners and
                -- projects name their authority by its ONS GSS code (Maidstone E07000110, Kent County Council E10000016).
                -- Generated from src/main/resources/reference/uk-local-authorities.csv (mySociety, "UK local authority
                -- names and codes", v1.6.1 of 2025-07-10, CC-BY-4.0; codes and names ONS, OGL v3) by
                -- scripts/LocalAuthoritiesSql.java. Left out: rows without a GSS code (Northern Ireland's councils
                -- abolished in 2015), which nothing can refer to by code.
                create table local_authority (
                    code          varchar(9)   primary key check (code ~ '^[ENSW][0-9]{8}$'),
                    -- mySociety's three-letter code (MAI, KEN), kept for joining other mySociety data.
                    la_code       varchar(8)   not null unique,
                    name          varchar(100) not null check (length(btrim(name)) > 0),
                    official_name varchar(200) not null check (length(btrim(official_name)) > 0),
                    -- NMD district, CTY county, UA unitary, MD metropolitan district, LBO London borough, SCO Scottish
                    -- council, WPA Welsh principal area, NID Northern Ireland district, COMB combined authority, SRA
                    -- strategic regional authority (the GLA), CC the City of London's sui generis council.
                    type          varchar(4)   not null check (type in ('NMD', 'CTY', 'UA', 'MD', 'LBO', 'SCO', 'WPA',
                                  'NID', 'COMB', 'SRA', 'CC')),
                    type_name     varchar(60)  not null,
                    nation        varchar(20)  not null check (nation in ('England', 'Wales', 'Scotland', 'Northern Ireland')),
                    -- England's region; the nation's name elsewhere; null for some former English authorities.
                    region        varchar(40),
                    -- The county council whose area holds this district (two-tier areas only).
                    county_code   varchar(9)   references local_authority (code),
                    start_date    date,
                    end_date      date,
                    replaced_by   varchar(9)[] not null default '{}',
                    former_codes  varchar(9)[] not null default '{}',
                    current       boolean      not null,
                    check (start_date is null or end_date is null or start_date <= end_date),
                    check (current = (end_date is null))
                );

                create index local_authority_county on local_authority (county_code) where county_code is not null;
                create index local_authority_name on local_authority (lower(name), code);

                insert into local_authority (code, la_code, name, official_name, type, type_name, nation, region,
                                             county_code, start_date, end_date, replaced_by, former_codes, current) values
                """);
        List<String> values = new ArrayList<>();
        int skipped = 0;
        for (Map<String, String> row : rows) {
            if (row.get("gss-code").isEmpty()) {
                skipped++;
                continue;
            }
            String county = row.get("county-la");
            values.add("(" + String.join(", ",
                    text(row.get("gss-code")), text(row.get("local-authority-code")), text(row.get("nice-name")),
                    text(row.get("official-name")), text(row.get("local-authority-type")),
                    text(row.get("local-authority-type-name")), text(row.get("nation")), text(row.get("region")),
                    county.isEmpty() ? "null" : text(required(gssByLaCode, county)),
                    date(row.get("start-date")), date(row.get("end-date")),
                    codes(List.of(row.get("replaced-by").split(",")).stream().filter(s -> !s.isBlank())
                            .map(code -> required(gssByLaCode, code.strip())).toList()),
                    codes(List.of(row.get("former-gss-codes").split(",")).stream().filter(s -> !s.isBlank())
                            .map(String::strip).toList()),
                    switch (row.get("current-authority")) {
                        case "True" -> "true";
                        case "False" -> "false";
                        default -> throw new IllegalStateException("current-authority " + row.get("current-authority"));
                    }) + ")");
        }
        sql.append(String.join(",\n", values)).append(";\n");
        System.out.print(sql);
        System.err.println(values.size() + " authorities written, " + skipped + " without a GSS code left out");
    }

    private static String required(Map<String, String> gssByLaCode, String laCode) {
        String gss = gssByLaCode.get(laCode);
        if (gss == null || gss.isEmpty()) {
            throw new IllegalStateException("no GSS code for " + laCode);
        }
        return gss;
    }

    private static String text(String value) {
        return value.isEmpty() ? "null" : "'" + value.replace("'", "''") + "'";
    }

    private static String date(String value) {
        return value.isEmpty() ? "null" : "date '" + value + "'";
    }

    private static String codes(List<String> codes) {
        return "'{" + codes.stream().collect(Collectors.joining(",")) + "}'";
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
