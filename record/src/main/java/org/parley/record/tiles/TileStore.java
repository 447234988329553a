package org.parley.record.tiles;

import java.io.IOException;

/**
 * Storage for a tiled log that the {@link Integrator} appends to. Writes replace whatever is at
 * the path; a store should make each write atomic (readers see the old bytes or the new ones,
 * never a torn file), since tiles are served while the log grows.
 */
public interface TileStore extends TileReader {

    void writeTile(int level, long index, int width, byte[] hashes) throws IOException;

    void writeEntryBundle(long index, int width, byte[] bundle) throws IOException;

    void writeCheckpoint(byte[] checkpoint) throws IOException;
}
