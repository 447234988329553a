package org.parley.record.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.parley.record.CorruptLogException;
import org.parley.record.TreeHead;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.merkle.ProofBuilder;

/**
 * Appends entries to a tiled log: the core of a sequencer. Given a store holding the tree of some
 * size and the next entries in order, it writes the entry bundles and every hash tile that
 * changes, at every level, and returns the new tree head for the caller to sign as a checkpoint.
 *
 * <p>Only the right edge of the tree is ever read: the partial entry bundle and one partial tile
 * per level, so memory stays bounded by the batch and about 8 KiB per level whatever the log's
 * size. Bundles are written before tiles, and lower tiles before the ones that hash them, so a
 * crash leaves nothing that a published checkpoint depends on half-written; re-running the same
 * append from the same size rewrites identical bytes, which makes recovery a plain retry.
 *
 * <p>Not thread-safe, and the log must have a single writer: the caller decides the order of
 * entries and owns the current size (for instance in a database row it locks).
 */
public final class Integrator {

    private final TileStore store;

    public Integrator(TileStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Appends {@code entries} to the tree of {@code treeSize} leaves held by the store. The entry
     * appended first gets index {@code treeSize}.
     *
     * @return the size and root hash of the grown tree
     * @throws CorruptLogException if the store's right edge does not match {@code treeSize}
     * @throws IllegalArgumentException if an entry is larger than an entry bundle can hold
     */
    public TreeHead append(long treeSize, List<byte[]> entries) throws IOException {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        for (byte[] entry : entries) {
            EntryBundle.requireEntrySize(entry);
        }
        if (entries.isEmpty()) {
            return new TreeHead(treeSize, new ProofBuilder(new TileHashReader(store, treeSize)).rootHash(treeSize));
        }
        long newSize = Math.addExact(treeSize, entries.size());
        writeBundles(treeSize, entries);
        TileHashReader newTree = new TileHashReader(store, newSize);
        writeTiles(treeSize, entries, newTree);
        return new TreeHead(newSize, new ProofBuilder(newTree).rootHash(newSize));
    }

    private void writeBundles(long treeSize, List<byte[]> entries) throws IOException {
        long index = treeSize >>> TileLayout.HEIGHT;
        int count = (int) (treeSize & (TileLayout.WIDTH - 1));
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        if (count > 0) {
            String path = TileLayout.entriesPath(index, count);
            byte[] existing = store.readEntryBundle(index, count)
                    .orElseThrow(() -> new CorruptLogException(path + " is missing: the store is not at size " + treeSize));
            int found = EntryBundle.parse(existing, path).size();
            if (found != count) {
                throw new CorruptLogException(path + " holds " + found + " entries, not " + count);
            }
            bundle.write(existing, 0, existing.length);
        }
        for (byte[] entry : entries) {
            EntryBundle.appendEntry(bundle, entry);
            if (++count == TileLayout.WIDTH) {
                store.writeEntryBundle(index, count, bundle.toByteArray());
                bundle.reset();
                index++;
                count = 0;
            }
        }
        if (count > 0) {
            store.writeEntryBundle(index, count, bundle.toByteArray());
        }
    }

    private void writeTiles(long treeSize, List<byte[]> entries, TileHashReader newTree) throws IOException {
        RightEdge edge = new RightEdge(treeSize);
        for (byte[] entry : entries) {
            edge.add(0, MerkleHasher.leafHash(entry));
        }
        edge.flushPartials(newTree);
    }

    /** The partial tile of each level, loaded when first appended to. */
    private final class RightEdge {

        private final long treeSize;
        private final TileBuilder[] levels = new TileBuilder[TileLayout.MAX_LEVEL + 1];

        RightEdge(long treeSize) {
            this.treeSize = treeSize;
        }

        void add(int level, byte[] hash) throws IOException {
            TileBuilder tile = builder(level);
            tile.add(hash);
            if (tile.count == TileLayout.WIDTH) {
                store.writeTile(level, tile.index, TileLayout.WIDTH, tile.hashes.clone());
                byte[] tileRoot = MerkleHasher.treeHash(tile.hashes, 0, TileLayout.WIDTH);
                tile.startNext();
                add(level + 1, tileRoot);
            }
        }

        void flushPartials(TileHashReader newTree) throws IOException {
            for (int level = 0; level < levels.length && levels[level] != null; level++) {
                TileBuilder tile = levels[level];
                if (tile.count > 0) {
                    byte[] hashes = Arrays.copyOf(tile.hashes, tile.count * MerkleHasher.HASH_SIZE);
                    store.writeTile(level, tile.index, tile.count, hashes);
                    newTree.remember(level, tile.index, hashes);
                }
            }
        }

        private TileBuilder builder(int level) throws IOException {
            if (level > TileLayout.MAX_LEVEL) {
                throw new IllegalStateException("tree exceeds 64 tile levels");
            }
            if (levels[level] == null) {
                long hashes = TileLayout.hashesAtLevel(level, treeSize);
                TileBuilder tile = new TileBuilder(hashes >>> TileLayout.HEIGHT);
                int count = (int) (hashes & (TileLayout.WIDTH - 1));
                if (count > 0) {
                    String path = TileLayout.tilePath(level, tile.index, count);
                    byte[] existing = store.readTile(level, tile.index, count)
                            .orElseThrow(() -> new CorruptLogException(path + " is missing: the store is not at size " + treeSize));
                    if (existing.length != count * MerkleHasher.HASH_SIZE) {
                        throw new CorruptLogException(path + " has " + existing.length + " bytes, expected "
                                + count * MerkleHasher.HASH_SIZE);
                    }
                    System.arraycopy(existing, 0, tile.hashes, 0, existing.length);
                    tile.count = count;
                }
                levels[level] = tile;
            }
            return levels[level];
        }
    }

    private static final class TileBuilder {

        final byte[] hashes = new byte[TileLayout.WIDTH * MerkleHasher.HASH_SIZE];
        long index;
        int count;

        TileBuilder(long index) {
            this.index = index;
        }

        void add(byte[] hash) {
            System.arraycopy(hash, 0, hashes, count * MerkleHasher.HASH_SIZE, MerkleHasher.HASH_SIZE);
            count++;
        }

        void startNext() {
            index++;
            count = 0;
        }
    }
}
