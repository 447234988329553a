package org.parley.record.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.record.CorruptLogException;
import org.parley.record.TreeHead;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.merkle.ProofBuilder;

class IntegratorTest {

    @Test
    void batchingDoesNotChangeTheTree() throws IOException {
        List<byte[]> entries = TiledProofsTest.randomEntries(new Random(1), 5_000);
        MemoryTileStore oneByOne = new MemoryTileStore();
        MemoryTileStore randomBatches = new MemoryTileStore();
        MemoryTileStore allAtOnce = new MemoryTileStore();

        TreeHead expected = new Integrator(allAtOnce).append(0, entries);
        Integrator single = new Integrator(oneByOne);
        for (int i = 0; i < entries.size(); i++) {
            single.append(i, List.of(entries.get(i)));
        }
        Integrator batched = new Integrator(randomBatches);
        Random random = new Random(2);
        TreeHead last = null;
        for (int at = 0; at < entries.size(); ) {
            int n = Math.min(entries.size() - at, 1 + random.nextInt(700));
            last = batched.append(at, entries.subList(at, at + n));
            at += n;
        }
        assertEquals(expected, last);
        Map<String, byte[]> wanted = resourcesOfSize(allAtOnce, entries.size());
        Map<String, byte[]> single1 = oneByOne.resources();
        Map<String, byte[]> batched1 = randomBatches.resources();
        for (String path : wanted.keySet()) {
            assertArrayEquals(wanted.get(path), single1.get(path), path);
            assertArrayEquals(wanted.get(path), batched1.get(path), path);
        }
    }

    @Test
    void appendReadsOnlyTheRightEdge() throws IOException {
        CountingStore store = new CountingStore(new MemoryTileStore());
        Integrator integrator = new Integrator(store);
        List<byte[]> entries = TiledProofsTest.randomEntries(new Random(5), 70_001);
        integrator.append(0, entries.subList(0, 70_000));
        store.reads.clear();
        integrator.append(70_000, entries.subList(70_000, 70_001));
        // The partial bundle and the partial tile of each of the three levels, nothing else.
        assertEquals(Set.of("tile/entries/273.p/112", "tile/0/273.p/112", "tile/1/001.p/17", "tile/2/000.p/1"),
                Set.copyOf(store.reads));
        assertEquals(4, store.reads.size());

        store.reads.clear();
        new ProofBuilder(new TileHashReader(store, 70_001)).inclusionProof(12_345, 70_001);
        assertTrue(store.reads.size() <= 6, "tiles read for one proof: " + store.reads);
    }

    @Test
    void emptyAppendReturnsTheCurrentHead() throws IOException {
        MemoryTileStore store = new MemoryTileStore();
        Integrator integrator = new Integrator(store);
        assertArrayEquals(MerkleHasher.emptyRootHash(), integrator.append(0, List.of()).rootHash());
        TreeHead head = integrator.append(0, TiledProofsTest.randomEntries(new Random(6), 10));
        assertEquals(head, integrator.append(10, List.of()));
    }

    @Test
    void appendingAtTheWrongSizeIsDetected() throws IOException {
        MemoryTileStore store = new MemoryTileStore();
        Integrator integrator = new Integrator(store);
        integrator.append(0, TiledProofsTest.randomEntries(new Random(7), 10));
        CorruptLogException e = assertThrows(CorruptLogException.class,
                () -> integrator.append(12, List.of(new byte[] {1})));
        assertTrue(e.getMessage().contains("tile/entries/000.p/12"), e.getMessage());
    }

    @Test
    void oversizedEntryIsRefusedBeforeAnythingIsWritten() throws IOException {
        MemoryTileStore store = new MemoryTileStore();
        Integrator integrator = new Integrator(store);
        assertThrows(IllegalArgumentException.class,
                () -> integrator.append(0, List.of(new byte[] {1}, new byte[EntryBundle.MAX_ENTRY_SIZE + 1])));
        assertTrue(store.resources().isEmpty());
        TreeHead head = integrator.append(0, List.of(new byte[EntryBundle.MAX_ENTRY_SIZE], new byte[0]));
        assertEquals(2, head.size());
        assertEquals(EntryBundle.MAX_ENTRY_SIZE, EntryBundle.parse(store.readEntryBundle(0, 2).orElseThrow(), "b").entry(0).length);
    }

    @Test
    void directoryStoreLaysOutTilesAsTlogTilesPaths(@TempDir Path dir) throws IOException {
        DirectoryTileStore store = new DirectoryTileStore(dir);
        new Integrator(store).append(0, TiledProofsTest.randomEntries(new Random(8), 256 * 1001 + 3));
        assertTrue(dir.resolve("tile/0/x001/000").toFile().isFile());
        assertTrue(dir.resolve("tile/0/x001/001.p/3").toFile().isFile());
        assertTrue(dir.resolve("tile/entries/x001/000").toFile().isFile());
        assertTrue(dir.resolve("tile/1/003.p/233").toFile().isFile());
        assertTrue(dir.resolve("tile/2/000.p/3").toFile().isFile());
    }

    /** The resources a reader of a tree of this size fetches: full tiles and its own partials. */
    private static Map<String, byte[]> resourcesOfSize(MemoryTileStore store, long size) {
        Map<String, byte[]> all = store.resources();
        Map<String, byte[]> out = new TreeMap<>();
        for (int level = 0; level < TileLayout.levelCount(size); level++) {
            for (long i = 0; i < TileLayout.tileCount(level, size); i++) {
                String path = TileLayout.tilePath(level, i, TileLayout.width(level, i, size));
                out.put(path, all.get(path));
            }
        }
        for (long i = 0; i < TileLayout.tileCount(0, size); i++) {
            String path = TileLayout.entriesPath(i, TileLayout.width(0, i, size));
            out.put(path, all.get(path));
        }
        return out;
    }

    /** Records every read, to check what an append or a proof touches. */
    static final class CountingStore implements TileStore {

        final TileStore delegate;
        final List<String> reads = new ArrayList<>();

        CountingStore(TileStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<byte[]> readCheckpoint() throws IOException {
            reads.add(TileLayout.CHECKPOINT_PATH);
            return delegate.readCheckpoint();
        }

        @Override
        public Optional<byte[]> readTile(int level, long index, int width) throws IOException {
            reads.add(TileLayout.tilePath(level, index, width));
            return delegate.readTile(level, index, width);
        }

        @Override
        public Optional<byte[]> readEntryBundle(long index, int width) throws IOException {
            reads.add(TileLayout.entriesPath(index, width));
            return delegate.readEntryBundle(index, width);
        }

        @Override
        public void writeTile(int level, long index, int width, byte[] hashes) throws IOException {
            delegate.writeTile(level, index, width, hashes);
        }

        @Override
        public void writeEntryBundle(long index, int width, byte[] bundle) throws IOException {
            delegate.writeEntryBundle(index, width, bundle);
        }

        @Override
        public void writeCheckpoint(byte[] checkpoint) throws IOException {
            delegate.writeCheckpoint(checkpoint);
        }
    }
}
