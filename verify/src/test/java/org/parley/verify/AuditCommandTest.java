package org.parley.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.record.Checkpoint;
import org.parley.record.tiles.TileLayout;

class AuditCommandTest {

    @TempDir
    Path dir;

    @Test
    void intactLogPasses() throws IOException {
        // 70,000 entries span three tile levels, with partial tiles on each.
        TestLog log = TestLog.create(dir, 70_000);
        Cli cli = Cli.run(log.args("audit"));
        assertEquals(0, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("audit passed: 70000 entries"), cli.out());
    }

    @Test
    void emptyAndTinyLogsPass() throws IOException {
        TestLog log = TestLog.create(dir, 0);
        assertEquals(0, Cli.run(log.args("audit")).exitCode());
        log.grow(1);
        assertEquals(0, Cli.run(log.args("audit")).exitCode());
        log.grow(255);
        assertEquals(0, Cli.run(log.args("audit", "--threads", "1")).exitCode());
    }

    @Test
    void changedEntryByteIsNamedByIndex() throws IOException {
        TestLog log = TestLog.create(dir, 2_000);
        // Entry 1234 is entry 210 of bundle 4; entries are 12 bytes with a 2-byte length.
        Path bundle = dir.resolve(TileLayout.entriesPath(4, 256));
        byte[] bytes = Files.readAllBytes(bundle);
        bytes[210 * 14 + 2 + 11] ^= 1;
        Files.write(bundle, bytes);
        Cli cli = Cli.run(log.args("audit"));
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("entry 1234: leaf hash in tile/0/004 differs from hash of entry bundle tile/entries/004"),
                cli.err());
    }

    @Test
    void changedTileHashIsFound() throws IOException {
        TestLog log = TestLog.create(dir, 70_000);
        Path tile = dir.resolve(TileLayout.tilePath(1, 0, 256));
        byte[] bytes = Files.readAllBytes(tile);
        bytes[5 * 32] ^= 1;
        Files.write(tile, bytes);
        Cli cli = Cli.run(log.args("audit"));
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("entries 1280 to 1535: hash 5 in tile/1/000"), cli.err());
    }

    @Test
    void logThatLostItsLastEntryFails() throws IOException {
        TestLog log = TestLog.create(dir, 1_000);
        byte[] checkpoint = log.store.readCheckpoint().orElseThrow();
        // Rebuild the tiles one entry short, but keep serving the checkpoint for 1,000.
        log.deleteTiles();
        TestLog shorter = new TestLog(dir, log.key);
        shorter.grow(999);
        log.store.writeCheckpoint(checkpoint);
        Cli cli = Cli.run(log.args("audit"));
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("tile/entries/003.p/232 is missing, but checkpoint size 1000 requires it"), cli.err());
    }

    @Test
    void bundleWithAnEntryTooFewFails() throws IOException {
        TestLog log = TestLog.create(dir, 1_000);
        // Same file name, one entry dropped: the mismatch is in the count, not a missing file.
        Path bundle = dir.resolve(TileLayout.entriesPath(3, 232));
        byte[] bytes = Files.readAllBytes(bundle);
        Files.write(bundle, java.util.Arrays.copyOf(bytes, bytes.length - 14));
        Cli cli = Cli.run(log.args("audit"));
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("entry 999: tile/entries/003.p/232 holds 231 entries"), cli.err());
    }

    @Test
    void checkpointOverAnotherRootFails() throws IOException {
        TestLog log = TestLog.create(dir, 500);
        byte[] forged = new Checkpoint(TestLog.ORIGIN, 500, new byte[32], java.util.List.of()).sign(log.key).toBytes();
        log.store.writeCheckpoint(forged);
        Cli cli = Cli.run(log.args("audit"));
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("root hash recomputed from all 500 entries"), cli.err());
    }
}
