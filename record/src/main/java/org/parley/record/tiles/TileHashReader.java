package org.parley.record.tiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parley.record.CorruptLogException;
import org.parley.record.merkle.HashReader;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.merkle.NodeId;

/**
 * Serves node hashes of the tree of a given size from its tiles. A node at height {@code h} lives
 * in tile level {@code h / 8}; when {@code h} is not a multiple of 8 the node is rebuilt from the
 * {@code 2^(h % 8)} hashes under it in that tile, which always share one tile.
 *
 * <p>Any node of a smaller tree is also a node of this one, so proofs for older tree sizes come
 * from the same tiles. Tiles are fetched once each and kept in a small LRU cache; a partial tile
 * that has been replaced by its full tile is read from the full one.
 *
 * <p>Not thread-safe.
 */
public final class TileHashReader implements HashReader {

    private static final int CACHED_TILES = 64;

    private final TileReader tiles;
    private final long treeSize;
    private final Map<TileKey, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TileKey, byte[]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    /** Reads nodes of the tree of {@code treeSize} leaves, whose tiles {@code tiles} serves. */
    public TileHashReader(TileReader tiles, long treeSize) {
        this.tiles = Objects.requireNonNull(tiles, "tiles");
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        this.treeSize = treeSize;
    }

    public long treeSize() {
        return treeSize;
    }

    @Override
    public List<byte[]> readHashes(List<NodeId> nodes) throws IOException {
        List<byte[]> hashes = new ArrayList<>(nodes.size());
        for (NodeId node : nodes) {
            hashes.add(readHash(node));
        }
        return hashes;
    }

    /** The hash of one perfect subtree of the tree. */
    public byte[] readHash(NodeId node) throws IOException {
        if (node.endLeaf() > treeSize || node.endLeaf() <= 0) {
            throw new IllegalArgumentException("node " + node + " is not a complete subtree of a tree of size " + treeSize);
        }
        int tileLevel = node.level() / TileLayout.HEIGHT;
        int heightInTile = node.level() % TileLayout.HEIGHT;
        long firstHash = node.index() << heightInTile;
        long tileIndex = firstHash >>> TileLayout.HEIGHT;
        int offset = (int) (firstHash & (TileLayout.WIDTH - 1));
        byte[] tile = tile(tileLevel, tileIndex);
        int count = 1 << heightInTile;
        if ((offset + count) * MerkleHasher.HASH_SIZE > tile.length) {
            throw new CorruptLogException(TileLayout.tilePath(tileLevel, tileIndex,
                    TileLayout.width(tileLevel, tileIndex, treeSize)) + " is too short for node " + node);
        }
        if (count == 1) {
            byte[] hash = new byte[MerkleHasher.HASH_SIZE];
            System.arraycopy(tile, offset * MerkleHasher.HASH_SIZE, hash, 0, MerkleHasher.HASH_SIZE);
            return hash;
        }
        return MerkleHasher.treeHash(tile, offset * MerkleHasher.HASH_SIZE, count);
    }

    /** Primes the cache with a tile the caller already holds, such as one it just wrote. */
    void remember(int level, long index, byte[] hashes) {
        cache.put(new TileKey(level, index), hashes);
    }

    private byte[] tile(int level, long index) throws IOException {
        TileKey key = new TileKey(level, index);
        byte[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        int width = TileLayout.width(level, index, treeSize);
        String path = TileLayout.tilePath(level, index, width);
        Optional<byte[]> read = tiles.readTile(level, index, width);
        if (read.isEmpty() && width < TileLayout.WIDTH) {
            // Logs may drop a partial tile once the full tile exists; its prefix is the same.
            width = TileLayout.WIDTH;
            read = tiles.readTile(level, index, width);
        }
        byte[] tile = read.orElseThrow(() -> new CorruptLogException(path + " is missing from a log of size " + treeSize));
        if (tile.length != width * MerkleHasher.HASH_SIZE) {
            throw new CorruptLogException(TileLayout.tilePath(level, index, width) + " has " + tile.length
                    + " bytes, expected " + width * MerkleHasher.HASH_SIZE);
        }
        cache.put(key, tile);
        return tile;
    }

    private record TileKey(int level, long index) {
    }
}
