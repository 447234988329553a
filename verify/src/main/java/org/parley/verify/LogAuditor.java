package org.parley.verify;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.parley.record.Checkpoint;
import org.parley.record.CorruptLogException;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.merkle.ProofBuilder;
import org.parley.record.tiles.EntryBundle;
import org.parley.record.tiles.MemoryTileStore;
import org.parley.record.tiles.TileHashReader;
import org.parley.record.tiles.TileLayout;
import org.parley.record.tiles.TileReader;

/**
 * Recomputes a whole log from its entries and checks every stored hash against the result:
 * each leaf hash in level-0 tiles against the hash of the entry in the bundle, each hash in a
 * higher tile against the tree hash of the full tile below it, and finally the root against the
 * signed checkpoint. The first discrepancy, in index order, is reported by entry index and path.
 *
 * <p>Level-0 tiles and bundles are fetched and hashed in parallel within a bounded window and
 * consumed in order, so memory stays at a few tiles per worker whatever the log's size.
 */
final class LogAuditor {

    private static final int HASH = MerkleHasher.HASH_SIZE;

    private final TileReader reader;
    private final int threads;

    LogAuditor(TileReader reader, int threads) {
        this.reader = reader;
        this.threads = Math.max(1, threads);
    }

    /** What an audit covered. */
    record Report(long entries, long tiles) {
    }

    Report audit(Checkpoint checkpoint) throws IOException {
        long size = checkpoint.size();
        // Verified right-edge (partial) tiles, from which the root is folded at the end.
        MemoryTileStore rightEdge = new MemoryTileStore();
        List<LevelChecker> levels = new ArrayList<>();
        long bottomTiles = TileLayout.tileCount(0, size);
        long tilesRead = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audit");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<BottomTile>> window = new ArrayDeque<>();
            long next = 0;
            int windowSize = threads * 8;
            while (next < bottomTiles || !window.isEmpty()) {
                while (next < bottomTiles && window.size() < windowSize) {
                    long index = next++;
                    window.add(pool.submit(() -> checkBottomTile(index, size)));
                }
                BottomTile tile = await(window.poll());
                tilesRead++;
                if (tile.width == TileLayout.WIDTH) {
                    feed(levels, 1, tile.index, tile.treeHash, size);
                } else {
                    rightEdge.writeTile(0, tile.index, tile.width, tile.hashes);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (LevelChecker level : levels) {
            level.finish(rightEdge);
        }
        byte[] root = new ProofBuilder(new TileHashReader(rightEdge, size)).rootHash(size);
        if (!MessageDigest.isEqual(root, checkpoint.rootHash())) {
            throw new CorruptLogException("root hash recomputed from all " + size + " entries is " + Encodings.b64(root)
                    + ", but the checkpoint signs " + Encodings.b64(checkpoint.rootHash()));
        }
        return new Report(size, tilesRead + levels.stream().mapToLong(l -> l.tilesRead).sum());
    }

    private BottomTile checkBottomTile(long index, long size) throws IOException {
        int width = TileLayout.width(0, index, size);
        String tilePath = TileLayout.tilePath(0, index, width);
        String bundlePath = TileLayout.entriesPath(index, width);
        byte[] bundleBytes = reader.readEntryBundle(index, width)
                .orElseThrow(() -> missing(bundlePath, size));
        byte[] hashes = reader.readTile(0, index, width).orElseThrow(() -> missing(tilePath, size));
        EntryBundle bundle = EntryBundle.parse(bundleBytes, bundlePath);
        long first = index << TileLayout.HEIGHT;
        if (hashes.length != width * HASH) {
            throw new CorruptLogException(tilePath + " has " + hashes.length + " bytes, but a tile of " + width
                    + " leaf hashes has " + width * HASH + " (entries " + first + " to " + (first + width - 1) + ")");
        }
        int common = Math.min(width, bundle.size());
        for (int i = 0; i < common; i++) {
            byte[] leaf = bundle.leafHash(i);
            if (!Arrays.equals(leaf, 0, HASH, hashes, i * HASH, (i + 1) * HASH)) {
                throw new CorruptLogException("entry " + (first + i) + ": leaf hash in " + tilePath
                        + " differs from hash of entry bundle " + bundlePath);
            }
        }
        if (bundle.size() != width) {
            throw new CorruptLogException("entry " + (first + common) + ": " + bundlePath + " holds " + bundle.size()
                    + " entries, but checkpoint size " + size + " needs " + width + " there");
        }
        byte[] treeHash = width == TileLayout.WIDTH ? MerkleHasher.treeHash(hashes, 0, width) : null;
        return new BottomTile(index, width, hashes, treeHash);
    }

    /** Checks a recomputed node against the tile above, climbing while tiles complete. */
    private void feed(List<LevelChecker> levels, int level, long index, byte[] hash, long size) throws IOException {
        while (levels.size() < level) {
            levels.add(new LevelChecker(levels.size() + 1, size));
        }
        byte[] completed = levels.get(level - 1).check(index, hash);
        if (completed != null) {
            feed(levels, level + 1, index >>> TileLayout.HEIGHT, completed, size);
        }
    }

    /** The stored tile currently being checked at one level above 0. */
    private final class LevelChecker {

        final int level;
        final long size;
        long tileIndex = -1;
        int width;
        byte[] stored;
        long tilesRead;

        LevelChecker(int level, long size) {
            this.level = level;
            this.size = size;
        }

        /** Returns the tile's tree hash when {@code index} completes a full tile, else null. */
        byte[] check(long index, byte[] hash) throws IOException {
            long tile = index >>> TileLayout.HEIGHT;
            int offset = (int) (index & (TileLayout.WIDTH - 1));
            if (tile != tileIndex) {
                load(tile);
            }
            if (!Arrays.equals(hash, 0, HASH, stored, offset * HASH, (offset + 1) * HASH)) {
                long span = 1L << (TileLayout.HEIGHT * level);
                long firstEntry = index * span;
                throw new CorruptLogException("entries " + firstEntry + " to " + (firstEntry + span - 1) + ": hash "
                        + offset + " in " + TileLayout.tilePath(level, tile, width)
                        + " differs from the hash recomputed from those entries");
            }
            if (offset == TileLayout.WIDTH - 1) {
                return MerkleHasher.treeHash(stored, 0, TileLayout.WIDTH);
            }
            return null;
        }

        /** After the last entry: a partial tile at this level joins the right edge. */
        void finish(MemoryTileStore rightEdge) throws IOException {
            long hashes = TileLayout.hashesAtLevel(level, size);
            int partial = (int) (hashes & (TileLayout.WIDTH - 1));
            if (partial > 0) {
                long tile = hashes >>> TileLayout.HEIGHT;
                if (tile != tileIndex) {
                    load(tile);
                }
                rightEdge.writeTile(level, tile, partial, stored);
            }
        }

        private void load(long tile) throws IOException {
            width = TileLayout.width(level, tile, size);
            String path = TileLayout.tilePath(level, tile, width);
            stored = reader.readTile(level, tile, width).orElseThrow(() -> missing(path, size));
            if (stored.length != width * HASH) {
                throw new CorruptLogException(path + " has " + stored.length + " bytes, expected " + width * HASH);
            }
            tileIndex = tile;
            tilesRead++;
        }
    }

    private record BottomTile(long index, int width, byte[] hashes, byte[] treeHash) {
    }

    private static CorruptLogException missing(String path, long size) {
        return new CorruptLogException(path + " is missing, but checkpoint size " + size + " requires it");
    }

    private static BottomTile await(Future<BottomTile> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("audit interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(cause);
        }
    }
}
