package org.parley.record.tiles;

import java.io.IOException;
import java.util.Optional;

/**
 * Read access to a log laid out as C2SP tlog-tiles: the checkpoint, hash tiles and entry bundles.
 * An absent resource is {@link Optional#empty()}, not an error, because only the caller knows from
 * a tree size whether it must exist. Implementations return the stored bytes unchecked.
 */
public interface TileReader {

    /** The signed checkpoint note, if the log has published one. */
    Optional<byte[]> readCheckpoint() throws IOException;

    /** The hash tile at {@code level} and {@code index}; {@code width} 256 names the full tile. */
    Optional<byte[]> readTile(int level, long index, int width) throws IOException;

    /** The entry bundle at {@code index}; {@code width} 256 names the full bundle. */
    Optional<byte[]> readEntryBundle(long index, int width) throws IOException;
}
