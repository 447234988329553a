package org.parley.record.tiles;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TileStore} in memory, keyed by tlog-tiles path; for tests and small embedded logs. */
public final class MemoryTileStore implements TileStore {

    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> readCheckpoint() {
        return read(TileLayout.CHECKPOINT_PATH);
    }

    @Override
    public Optional<byte[]> readTile(int level, long index, int width) {
        return read(TileLayout.tilePath(level, index, width));
    }

    @Override
    public Optional<byte[]> readEntryBundle(long index, int width) {
        return read(TileLayout.entriesPath(index, width));
    }

    @Override
    public void writeTile(int level, long index, int width, byte[] hashes) {
        resources.put(TileLayout.tilePath(level, index, width), hashes.clone());
    }

    @Override
    public void writeEntryBundle(long index, int width, byte[] bundle) {
        resources.put(TileLayout.entriesPath(index, width), bundle.clone());
    }

    @Override
    public void writeCheckpoint(byte[] checkpoint) {
        resources.put(TileLayout.CHECKPOINT_PATH, checkpoint.clone());
    }

    /** Every stored resource by path, sorted; a copy. */
    public Map<String, byte[]> resources() {
        Map<String, byte[]> copy = new TreeMap<>();
        resources.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        return copy;
    }

    /** Stores raw bytes at a path, bypassing the layout; lets tests plant corrupt data. */
    public void put(String path, byte[] bytes) {
        resources.put(path, bytes.clone());
    }

    /** Removes the resource at a path; lets tests simulate lost data. */
    public void remove(String path) {
        resources.remove(path);
    }

    private Optional<byte[]> read(String path) {
        byte[] bytes = resources.get(path);
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }
}
