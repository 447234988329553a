package org.parley.publicrecord;

import java.util.Arrays;
import java.util.Optional;

import org.parley.record.tiles.EntryBundle;
import org.parley.record.tiles.TileLayout;
import org.parley.record.tiles.TileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hash tiles and entry bundles in PostgreSQL, one row per tile. A tile grows in place; since what is
 * already in it never changes, a request for a narrower partial tile is answered with a prefix of the
 * stored one. The sequencer writes through this store inside its transaction, so a crash leaves either
 * all of a batch or none of it.
 */
@Component
class PostgresTileStore implements TileStore {

    static final int ENTRIES_LEVEL = -1;
    private static final int HASH = 32;

    private final JdbcClient jdbc;

    PostgresTileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(int width, byte[] data) {
    }

    private Optional<Row> row(int level, long index) {
        return jdbc.sql("SELECT width, data FROM record_tile WHERE level = ? AND tile_index = ?")
                .params(level, index)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getBytes(2)))
                .optional();
    }

    @Override
    public Optional<byte[]> readTile(int level, long index, int width) {
        return row(level, index).filter(r -> r.width() >= width).map(r -> Arrays.copyOf(r.data(), width * HASH));
    }

    @Override
    public Optional<byte[]> readEntryBundle(long index, int width) {
        return row(ENTRIES_LEVEL, index).filter(r -> r.width() >= width).map(r -> r.width() == width ? r.data()
                : EntryBundle.encode(EntryBundle.parse(r.data(), TileLayout.entriesPath(index, r.width())).entries().subList(0, width)));
    }

    @Override
    public Optional<byte[]> readCheckpoint() {
        return jdbc.sql("SELECT checkpoint FROM record_log WHERE id = 1").query(String.class).optional()
                .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void writeTile(int level, long index, int width, byte[] hashes) {
        upsert(level, index, width, hashes);
    }

    @Override
    public void writeEntryBundle(long index, int width, byte[] bundle) {
        upsert(ENTRIES_LEVEL, index, width, bundle);
    }

    /** Checkpoints are published by the sequencer together with the log's state, not through the store. */
    @Override
    public void writeCheckpoint(byte[] checkpoint) {
        throw new UnsupportedOperationException("the sequencer publishes checkpoints");
    }

    private void upsert(int level, long index, int width, byte[] data) {
        // Never shrink a tile: a narrower write would lose hashes a published checkpoint relies on.
        jdbc.sql("""
                INSERT INTO record_tile (level, tile_index, width, data) VALUES (?, ?, ?, ?)
                ON CONFLICT (level, tile_index) DO UPDATE SET width = excluded.width, data = excluded.data
                WHERE record_tile.width <= excluded.width""")
                .params(level, index, width, data).update();
    }
}
