package org.parley.record.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.parley.record.CorruptLogException;
import org.parley.record.InvalidProofException;
import org.parley.record.TreeHead;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.InclusionProof;
import org.parley.record.merkle.ProofBuilder;
import org.parley.record.testing.ReferenceTree;

/**
 * Proofs generated from tile storage, for many tree sizes and for older sizes read from newer
 * tiles, must equal RFC 9162's literal definitions and verify; tampered ones must not.
 */
class TiledProofsTest {

    private static final long SEED = 20240501L;

    @Test
    void proofsFromTilesMatchTheRfcAndVerifyAtRandomSizes() throws IOException {
        Random random = new Random(SEED);
        MemoryTileStore store = new MemoryTileStore();
        Integrator integrator = new Integrator(store);
        ReferenceTree reference = new ReferenceTree();
        List<Integer> sizes = new ArrayList<>();
        int size = 0;
        while (size < 3000) {
            int batch = 1 + random.nextInt(random.nextBoolean() ? 5 : 400);
            List<byte[]> entries = randomEntries(random, batch);
            TreeHead head = integrator.append(size, entries);
            entries.forEach(reference::add);
            size += batch;
            assertEquals(size, head.size());
            assertArrayEquals(reference.root(size), head.rootHash(), "root at " + size);
            sizes.add(size);
        }
        // Proofs at intermediate sizes, read through the partial tiles of that size, and at
        // older sizes read through the final tiles.
        for (int i = 0; i < 25; i++) {
            int treeSize = sizes.get(random.nextInt(sizes.size()));
            checkProofs(random, reference, new TileHashReader(store, treeSize), treeSize, treeSize);
            checkProofs(random, reference, new TileHashReader(store, size), size, treeSize);
        }
    }

    @Test
    void everySmallTreeSizeAgreesWithTheRfc() throws IOException {
        // All sizes 1..600 exhaust the shapes around the first tile boundaries.
        Random random = new Random(SEED + 1);
        MemoryTileStore store = new MemoryTileStore();
        Integrator integrator = new Integrator(store);
        ReferenceTree reference = new ReferenceTree();
        for (int size = 1; size <= 600; size++) {
            List<byte[]> entry = randomEntries(random, 1);
            integrator.append(size - 1, entry);
            reference.add(entry.get(0));
            ProofBuilder proofs = new ProofBuilder(new TileHashReader(store, size));
            assertArrayEquals(reference.root(size), proofs.rootHash(size));
            int index = random.nextInt(size);
            InclusionProof inclusion = proofs.inclusionProof(index, size);
            assertEquals(new InclusionProof(index, size, reference.path(index, size)), inclusion);
            inclusion.verify(reference.leafHash(index), reference.root(size));
            int old = 1 + random.nextInt(size);
            ConsistencyProof consistency = proofs.consistencyProof(old, size);
            assertEquals(new ConsistencyProof(old, size, reference.proof(old, size)), consistency);
            consistency.verify(reference.root(old), reference.root(size));
        }
    }

    @Test
    void treeSpanningThreeTileLevels() throws IOException {
        // 70,000 leaves: 273 full level-0 tiles, a partial one of 112, one full and one partial
        // level-1 tile, and a partial level-2 tile, as in the tlog-tiles example.
        Random random = new Random(SEED + 2);
        MemoryTileStore store = new MemoryTileStore();
        ReferenceTree reference = new ReferenceTree();
        List<byte[]> entries = randomEntries(random, 70_000);
        entries.forEach(reference::add);
        TreeHead head = new Integrator(store).append(0, entries);
        assertArrayEquals(reference.root(70_000), head.rootHash());
        assertTrue(store.readTile(0, 273, 112).isPresent());
        assertTrue(store.readTile(1, 0, 256).isPresent());
        assertTrue(store.readTile(1, 1, 17).isPresent());
        assertTrue(store.readTile(2, 0, 1).isPresent());
        assertEquals(273 + 1 + 1 + 1 + 1, store.resources().keySet().stream().filter(p -> !p.contains("entries")).count());
        ProofBuilder proofs = new ProofBuilder(new TileHashReader(store, 70_000));
        for (int index : new int[] {0, 255, 256, 65_535, 65_536, 69_999}) {
            InclusionProof proof = proofs.inclusionProof(index, 70_000);
            assertEquals(new InclusionProof(index, 70_000, reference.path(index, 70_000)), proof);
            proof.verify(reference.leafHash(index), head.rootHash());
        }
        for (int old : new int[] {1, 256, 65_536, 65_537, 69_999}) {
            ConsistencyProof proof = proofs.consistencyProof(old, 70_000);
            assertEquals(new ConsistencyProof(old, 70_000, reference.proof(old, 70_000)), proof);
            proof.verify(reference.root(old), head.rootHash());
        }
    }

    @Test
    void missingTileIsReportedByPath() throws IOException {
        MemoryTileStore store = new MemoryTileStore();
        new Integrator(store).append(0, randomEntries(new Random(3), 300));
        store.remove("tile/0/001.p/44");
        ProofBuilder proofs = new ProofBuilder(new TileHashReader(store, 300));
        CorruptLogException e = assertThrows(CorruptLogException.class, () -> proofs.inclusionProof(299, 300));
        assertTrue(e.getMessage().contains("tile/0/001.p/44"), e.getMessage());
    }

    @Test
    void partialTileReplacedByFullTileIsStillReadable() throws IOException {
        MemoryTileStore store = new MemoryTileStore();
        Integrator integrator = new Integrator(store);
        List<byte[]> entries = randomEntries(new Random(4), 300);
        integrator.append(0, entries.subList(0, 100));
        byte[] rootAt100 = new ProofBuilder(new TileHashReader(store, 100)).rootHash(100);
        integrator.append(100, entries.subList(100, 300));
        store.remove("tile/0/000.p/100");
        assertArrayEquals(rootAt100, new ProofBuilder(new TileHashReader(store, 100)).rootHash(100));
    }

    private static void checkProofs(Random random, ReferenceTree reference, TileHashReader tiles, long tilesSize,
            int treeSize) throws IOException {
        ProofBuilder proofs = new ProofBuilder(tiles);
        byte[] root = reference.root(treeSize);
        assertArrayEquals(root, proofs.rootHash(treeSize), "root at " + treeSize + " from tiles of " + tilesSize);
        for (int i = 0; i < 4; i++) {
            int index = random.nextInt(treeSize);
            InclusionProof proof = proofs.inclusionProof(index, treeSize);
            assertEquals(new InclusionProof(index, treeSize, reference.path(index, treeSize)), proof);
            proof.verify(reference.leafHash(index), root);
            assertInclusionTamperingFails(random, proof, reference.leafHash(index), root);

            int old = 1 + random.nextInt(treeSize);
            ConsistencyProof consistency = proofs.consistencyProof(old, treeSize);
            assertEquals(new ConsistencyProof(old, treeSize, reference.proof(old, treeSize)), consistency);
            byte[] oldRoot = reference.root(old);
            consistency.verify(oldRoot, root);
            assertConsistencyTamperingFails(random, consistency, oldRoot, root);
        }
    }

    static void assertInclusionTamperingFails(Random random, InclusionProof proof, byte[] leaf, byte[] root) {
        List<byte[]> hashes = proof.hashes();
        long index = proof.index();
        long size = proof.treeSize();
        List<InclusionProof> bad = new ArrayList<>();
        bad.add(new InclusionProof(index, size, append(hashes, root)));
        bad.add(new InclusionProof(index, size, prepend(hashes, leaf)));
        if (!hashes.isEmpty()) {
            bad.add(new InclusionProof(index, size, hashes.subList(0, hashes.size() - 1)));
            bad.add(new InclusionProof(index, size, flipBit(random, hashes)));
        }
        if (size > 1) {
            bad.add(new InclusionProof(index ^ 1, size, hashes));
        }
        // A larger tree has a longer path to every leaf.
        bad.add(new InclusionProof(index, size * 2 + 1, hashes));
        for (InclusionProof p : bad) {
            assertThrows(InvalidProofException.class, () -> p.verify(leaf, root), p.toString());
        }
        byte[] otherLeaf = leaf.clone();
        otherLeaf[random.nextInt(32)] ^= 1;
        assertThrows(InvalidProofException.class, () -> proof.verify(otherLeaf, root));
        assertDoesNotThrow(() -> proof.verify(leaf, root));
    }

    static void assertConsistencyTamperingFails(Random random, ConsistencyProof proof, byte[] oldRoot, byte[] newRoot) {
        long oldSize = proof.oldSize();
        long newSize = proof.newSize();
        List<byte[]> hashes = proof.hashes();
        List<ConsistencyProof> bad = new ArrayList<>();
        bad.add(new ConsistencyProof(oldSize, newSize, append(hashes, newRoot)));
        if (!hashes.isEmpty()) {
            bad.add(new ConsistencyProof(oldSize, newSize, prepend(hashes, oldRoot)));
            bad.add(new ConsistencyProof(oldSize, newSize, hashes.subList(0, hashes.size() - 1)));
            bad.add(new ConsistencyProof(oldSize, newSize, flipBit(random, hashes)));
            bad.add(new ConsistencyProof(oldSize - 1 == 0 ? oldSize + 1 : oldSize - 1, newSize, hashes));
            bad.add(new ConsistencyProof(oldSize, newSize * 2, hashes));
        }
        for (ConsistencyProof p : bad) {
            if (p.oldSize() == oldSize && p.newSize() == newSize && p.equals(proof)) {
                continue;
            }
            assertThrows(InvalidProofException.class, () -> p.verify(oldRoot, newRoot), p.toString());
        }
        byte[] wrongOld = oldRoot.clone();
        wrongOld[random.nextInt(32)] ^= 1;
        assertThrows(InvalidProofException.class, () -> proof.verify(wrongOld, newRoot));
        byte[] wrongNew = newRoot.clone();
        wrongNew[random.nextInt(32)] ^= 1;
        assertThrows(InvalidProofException.class, () -> proof.verify(oldRoot, wrongNew));
        assertDoesNotThrow(() -> proof.verify(oldRoot, newRoot));
    }

    static List<byte[]> randomEntries(Random random, int count) {
        SplittableRandom r = new SplittableRandom(random.nextLong());
        List<byte[]> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] entry = new byte[r.nextInt(0, 64)];
            r.nextBytes(entry);
            entries.add(entry);
        }
        return entries;
    }

    private static List<byte[]> append(List<byte[]> hashes, byte[] extra) {
        List<byte[]> out = new ArrayList<>(hashes);
        out.add(extra);
        return out;
    }

    private static List<byte[]> prepend(List<byte[]> hashes, byte[] extra) {
        List<byte[]> out = new ArrayList<>();
        out.add(extra);
        out.addAll(hashes);
        return out;
    }

    private static List<byte[]> flipBit(Random random, List<byte[]> hashes) {
        List<byte[]> out = new ArrayList<>(hashes);
        int which = random.nextInt(out.size());
        byte[] h = out.get(which).clone();
        h[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
        out.set(which, h);
        return out;
    }
}
