package org.parley.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.record.note.Ed25519Signer;

class VerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkpointPrintsTheVerifiedTreeHead() throws IOException {
        TestLog log = TestLog.create(dir, 300);
        Cli cli = Cli.run(log.args("checkpoint"));
        assertEquals(0, cli.exitCode(), cli.toString());
        assertTrue(cli.out().contains("origin: parley.test/log"), cli.out());
        assertTrue(cli.out().contains("size: 300"), cli.out());
        assertTrue(cli.out().contains("root: " + Base64.getEncoder().encodeToString(log.head.rootHash())), cli.out());
    }

    @Test
    void checkpointSignedByAnotherKeyFails() throws IOException {
        TestLog log = TestLog.create(dir, 3);
        String otherKey = Ed25519Signer.generate(TestLog.ORIGIN).verifierKey();
        Cli cli = Cli.run("checkpoint", "--log", dir.toUri().toString(), "--key", otherKey);
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("no signature from a trusted key"), cli.err());
        assertEquals(0, Cli.run(log.args("checkpoint")).exitCode());
    }

    @Test
    void inclusionOfEntriesGivenOrFetched() throws IOException {
        TestLog log = TestLog.create(dir, 1000);
        assertEquals(0, Cli.run(log.args("inclusion", "--index", "777")).exitCode());
        String hex = HexFormat.of().formatHex(TestLog.entry(999));
        assertEquals(0, Cli.run(log.args("inclusion", "--index", "999", "--entry-hex", hex)).exitCode());
        Path file = dir.resolveSibling("entry");
        Files.write(file, TestLog.entry(0));
        assertEquals(0, Cli.run(log.args("inclusion", "--index", "0", "--entry-file", file.toString())).exitCode());
    }

    @Test
    void inclusionOfAnotherEntryFails() throws IOException {
        TestLog log = TestLog.create(dir, 1000);
        String hex = HexFormat.of().formatHex(TestLog.entry(998));
        Cli cli = Cli.run(log.args("inclusion", "--index", "999", "--entry-hex", hex));
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("entry 999"), cli.err());
        Cli beyond = Cli.run(log.args("inclusion", "--index", "1000", "--entry-hex", hex));
        assertEquals(1, beyond.exitCode(), beyond.toString());
        assertTrue(beyond.err().contains("not in the log"), beyond.err());
    }

    @Test
    void consistencyWithAnOlderTree() throws IOException {
        TestLog log = TestLog.create(dir, 300);
        String oldRoot = Base64.getEncoder().encodeToString(log.head.rootHash());
        log.grow(5000);
        Cli ok = Cli.run(log.args("consistency", "--old-size", "300", "--old-root", oldRoot));
        assertEquals(0, ok.exitCode(), ok.toString());
        Cli wrongSize = Cli.run(log.args("consistency", "--old-size", "301", "--old-root", oldRoot));
        assertEquals(1, wrongSize.exitCode(), wrongSize.toString());
        Cli tooBig = Cli.run(log.args("consistency", "--old-size", "6000", "--old-root", oldRoot));
        assertEquals(1, tooBig.exitCode(), tooBig.toString());
        assertTrue(tooBig.err().contains("went backwards"), tooBig.err());
        String empty = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        assertEquals(0, Cli.run(log.args("consistency", "--old-size", "0", "--old-root", empty)).exitCode());
    }

    @Test
    void usageAndIoErrorsExitWithTwo() throws IOException {
        TestLog log = TestLog.create(dir, 3);
        assertEquals(2, Cli.run("audit", "--log", dir.toString()).exitCode());
        assertEquals(2, Cli.run("nonsense").exitCode());
        assertEquals(2, Cli.run("checkpoint", "--log", dir.resolve("absent").toString(), "--key", log.verifierKey()).exitCode());
        assertEquals(2, Cli.run(log.args("consistency", "--old-size", "1", "--old-root", "not base64!")).exitCode());
        Cli badKey = Cli.run("checkpoint", "--log", dir.toString(), "--key", "not+a+key");
        assertEquals(2, badKey.exitCode(), badKey.toString());
        assertTrue(badKey.err().contains("--key"), badKey.err());
    }
}
