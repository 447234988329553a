package org.parley.record.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.record.Checkpoint;
import org.parley.record.TreeHead;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.note.Ed25519Signer;
import org.parley.record.note.Ed25519Verifier;
import org.parley.record.testing.SharedData;

/**
 * Rebuilds transparency-dev/tessera's 15-entry test log one entry at a time and requires every
 * checkpoint, tile and entry bundle to match tessera's byte for byte.
 */
class TesseraLogTest {

    static final String PRIVATE_KEY = "PRIVATE+KEY+example.com/log/testdata+33d7b496+AeymY/SZAX0jZcJ8enZ5FY1Dz+wTML2yWSkK+9DSF3eg";
    static final String VERIFIER_KEY = "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx";
    static final String ORIGIN = "example.com/log/testdata";
    static final List<String> ENTRIES = List.of("one", "two", "three", "four", "five", "six", "seven", "eit",
            "nain", "ten", "ileven", "twelf", "threeten", "fourten", "fivten");

    private static final Path TESSERA = SharedData.tlog().resolve("tessera-log");

    @Test
    void inMemoryLogMatchesTesseraByteForByte() throws IOException {
        checkAgainstTessera(new MemoryTileStore());
    }

    @Test
    void directoryLogMatchesTesseraByteForByte(@TempDir Path dir) throws IOException {
        DirectoryTileStore store = new DirectoryTileStore(dir);
        checkAgainstTessera(store);
        // The directory must hold exactly tessera's files, at tessera's paths.
        for (int n = 1; n <= ENTRIES.size(); n++) {
            assertArrayEquals(Files.readAllBytes(TESSERA.resolve("tile/0/000.p/" + n)),
                    Files.readAllBytes(dir.resolve("tile/0/000.p/" + n)));
            assertArrayEquals(Files.readAllBytes(TESSERA.resolve("tile/entries/000.p/" + n)),
                    Files.readAllBytes(dir.resolve("tile/entries/000.p/" + n)));
        }
        assertArrayEquals(Files.readAllBytes(TESSERA.resolve("checkpoint")), Files.readAllBytes(dir.resolve("checkpoint")));
        assertEquals(filesUnder(TESSERA.resolve("tile")), filesUnder(dir.resolve("tile")));
    }

    @Test
    void tesseraCheckpointsVerifyWithTheVerifierKey() throws IOException {
        Ed25519Verifier verifier = Ed25519Verifier.fromVerifierKey(VERIFIER_KEY);
        MemoryTileStore store = new MemoryTileStore();
        Integrator integrator = new Integrator(store);
        for (int n = 0; n <= ENTRIES.size(); n++) {
            if (n > 0) {
                integrator.append(n - 1, List.of(entry(n - 1)));
            }
            Checkpoint checkpoint = Checkpoint.open(Files.readAllBytes(TESSERA.resolve("checkpoint." + n)), verifier);
            assertEquals(ORIGIN, checkpoint.origin());
            assertEquals(n, checkpoint.size());
            assertFalse(checkpoint.extensions().size() > 0);
            assertArrayEquals(new TreeHashes(store, n).root(), checkpoint.rootHash());
        }
    }

    @Test
    void signerKeyMatchesPublishedVerifierKey() {
        Ed25519Signer signer = Ed25519Signer.fromPrivateKey(PRIVATE_KEY);
        assertEquals(VERIFIER_KEY, signer.verifierKey());
        assertEquals(PRIVATE_KEY, signer.privateKey());
    }

    @Test
    void tesseraEntryBundlesParseToTheEntries() throws IOException {
        byte[] bundle = Files.readAllBytes(TESSERA.resolve("tile/entries/000.p/15"));
        EntryBundle parsed = EntryBundle.parse(bundle, "tile/entries/000.p/15");
        List<String> entries = new ArrayList<>();
        for (byte[] e : parsed.entries()) {
            entries.add(new String(e, StandardCharsets.US_ASCII));
        }
        assertEquals(ENTRIES, entries);
        byte[] tile = Files.readAllBytes(TESSERA.resolve("tile/0/000.p/15"));
        for (int i = 0; i < parsed.size(); i++) {
            byte[] fromTile = java.util.Arrays.copyOfRange(tile, i * 32, i * 32 + 32);
            assertArrayEquals(fromTile, parsed.leafHash(i));
        }
    }

    private void checkAgainstTessera(TileStore store) throws IOException {
        Ed25519Signer signer = Ed25519Signer.fromPrivateKey(PRIVATE_KEY);
        Integrator integrator = new Integrator(store);
        TreeHead empty = integrator.append(0, List.of());
        assertArrayEquals(MerkleHasher.emptyRootHash(), empty.rootHash());
        store.writeCheckpoint(new Checkpoint(ORIGIN, empty).sign(signer).toBytes());
        assertArrayEquals(read("checkpoint.0"), store.readCheckpoint().orElseThrow(), "checkpoint.0");
        for (int n = 1; n <= ENTRIES.size(); n++) {
            TreeHead head = integrator.append(n - 1, List.of(entry(n - 1)));
            assertEquals(n, head.size());
            store.writeCheckpoint(new Checkpoint(ORIGIN, head).sign(signer).toBytes());
            assertArrayEquals(read("checkpoint." + n), store.readCheckpoint().orElseThrow(), "checkpoint." + n);
            assertArrayEquals(read("tile/0/000.p/" + n), store.readTile(0, 0, n).orElseThrow(), "tile/0/000.p/" + n);
            assertArrayEquals(read("tile/entries/000.p/" + n), store.readEntryBundle(0, n).orElseThrow(),
                    "tile/entries/000.p/" + n);
        }
        assertArrayEquals(read("checkpoint"), store.readCheckpoint().orElseThrow());
    }

    private static byte[] entry(int i) {
        return ENTRIES.get(i).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] read(String path) throws IOException {
        return Files.readAllBytes(TESSERA.resolve(path));
    }

    private static Set<String> filesUnder(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            Set<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile).forEach(f -> names.add(dir.relativize(f).toString()));
            return names;
        }
    }

    /** Root of the stored tree at a size, read back through the tiles. */
    private record TreeHashes(TileReader tiles, long size) {
        byte[] root() throws IOException {
            return new org.parley.record.merkle.ProofBuilder(new TileHashReader(tiles, size)).rootHash(size);
        }
    }

}
