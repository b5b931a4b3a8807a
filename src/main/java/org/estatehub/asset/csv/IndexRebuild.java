package org.estatehub.asset.csv;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bulk path of a large import: when it creates a large share of the register, the asset table's
 * secondary indexes (the trigram GIN, the two GiST, the ordering btrees) are dropped before the rows go in
 * and built again after, inside the import's transaction. Building an index over the whole table costs about
 * a quarter of what adding the same number of rows to it one by one costs (bench/README.md "Import"), so it
 * pays when the import creates more than `estatehub.import.index-rebuild-share` of the rows the table will
 * hold. The primary key and the unique indexes stay: they check the rows as they go in. The same holds for
 * the foreign keys the new rows are checked against one by one (the asset's owner and authority, the
 * status history's asset): they are dropped and added again after the rows, which checks every row in one
 * join. No other transaction can write either table meanwhile (the locks below), so nothing can slip in
 * unchecked.
 *
 * <p>The price: dropping an index locks the table (ACCESS EXCLUSIVE), so every read of the register (and,
 * from the status history's insert, of the status history) waits from the drop until the import commits, a few seconds for 100,000 rows. Should the import fail, the
 * rollback restores the indexes as they were. The definitions are read from the catalogue
 * (pg_get_indexdef), so the indexes come back as the migrations made them.
 *
 * <p>Locks: an import that may take this path takes a service-wide advisory lock before it reads the
 * register, so two such imports never both hold the table's ACCESS SHARE lock while each waits for the
 * other's to upgrade it (a deadlock); other imports and searches only wait.
 */
final class IndexRebuild {

    static final IndexRebuild NEVER = new IndexRebuild(0, 1);

    private final double registerRows;
    private final double share;

    private IndexRebuild(double registerRows, double share) {
        this.registerRows = registerRows;
        this.share = share;
    }

    /**
     * Whether an import of `rows` rows could create enough of the register to rebuild its indexes (it
     * creates at most `rows`); if so it takes the advisory lock. The register's size is the planner's
     * estimate: this is a choice of method, not a count anyone sees.
     */
    static IndexRebuild consider(Connection connection, int rows, double share) throws SQLException {
        if (share >= 1) {
            return NEVER;
        }
        double registerRows = estimatedRows(connection);
        if (!worthIt(rows, registerRows, share)) {
            return NEVER;
        }
        AssetImporter.exec(connection, "select pg_advisory_xact_lock(hashtext('asset-import:index-rebuild'))");
        return new IndexRebuild(registerRows, share);
    }

    static boolean worthIt(double creating, double registerRows, double share) {
        return creating > 0 && creating >= share * (registerRows + creating);
    }

    /** What was dropped, to be made again: index definitions, and foreign keys as (table, name, definition). */
    record Dropped(List<String> indexes, List<String[]> assetKeys, List<String[]> historyKeys) {
        static final Dropped NOTHING = new Dropped(List.of(), List.of(), List.of());
    }

    /**
     * Drops the secondary indexes and the foreign keys the asset rows are checked against when creating
     * `creating` rows makes it worth it.
     */
    Dropped dropIfWorthIt(Connection connection, int creating) throws SQLException {
        if (share >= 1 || !worthIt(creating, registerRows, share)) {
            return Dropped.NOTHING;
        }
        AssetImporter.exec(connection, "lock table asset in access exclusive mode");
        List<String[]> assetKeys = foreignKeys(connection, "conrelid = 'asset'::regclass");
        List<String[]> historyKeys = foreignKeys(connection,
                "conrelid = 'asset_status_change'::regclass and confrelid = 'asset'::regclass");
        if (!historyKeys.isEmpty()) {
            AssetImporter.exec(connection, "lock table asset_status_change in access exclusive mode");
        }
        for (String[] key : assetKeys) {
            AssetImporter.exec(connection, "alter table " + key[0] + " drop constraint " + key[1]);
        }
        for (String[] key : historyKeys) {
            AssetImporter.exec(connection, "alter table " + key[0] + " drop constraint " + key[1]);
        }
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                  from pg_index i
                 where i.indrelid = 'asset'::regclass and not i.indisunique and not i.indisprimary
                   and not i.indisexclusion and i.indisvalid
                 order by i.indexrelid""");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
        for (String name : names) {
            AssetImporter.exec(connection, "drop index " + name);
        }
        return new Dropped(definitions, assetKeys, historyKeys);
    }

    /** After the asset rows: builds the dropped indexes again, and adds the asset's foreign keys (checking every row). */
    static void restoreAsset(Connection connection, Dropped dropped) throws SQLException {
        for (String definition : dropped.indexes()) {
            AssetImporter.exec(connection, definition);
        }
        addKeys(connection, dropped.assetKeys());
    }

    /** After the status history's rows: its foreign key to the asset again, checking every row. */
    static void restoreHistory(Connection connection, Dropped dropped) throws SQLException {
        addKeys(connection, dropped.historyKeys());
    }

    private static void addKeys(Connection connection, List<String[]> keys) throws SQLException {
        for (String[] key : keys) {
            AssetImporter.exec(connection, "alter table " + key[0] + " add constraint " + key[1] + " " + key[2]);
        }
    }

    private static List<String[]> foreignKeys(Connection connection, String which) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint"
                        + " where contype = 'f' and " + which + " order by oid");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return keys;
    }

    private static double estimatedRows(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select greatest(reltuples, 0) from pg_class where oid = 'asset'::regclass");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
