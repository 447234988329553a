package org.parley.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.record.Checkpoint;
import org.parley.record.TreeHead;
import org.parley.record.note.CosignatureSigner;
import org.parley.record.note.CosignatureVerifier;
import org.parley.record.note.Note;
import org.parley.record.note.NoteSignature;
import org.parley.record.tiles.DirectoryTileStore;
import org.parley.record.tiles.Integrator;
import org.parley.record.witness.AddCheckpointRequest;
import org.parley.record.witness.Witness;
import org.parley.record.witness.WitnessException;

import com.sun.net.httpserver.HttpServer;

class WitnessCommandTest {

    @TempDir
    Path tmp;

    @Test
    void keygenWritesAKeyAndPrintsItsVerifierKey() throws IOException {
        Path keyFile = tmp.resolve("keys/witness.key");
        Cli cli = Cli.run("witness", "keygen", "--name", "witness.test/w1", "--out", keyFile.toString());
        assertEquals(0, cli.exitCode(), cli.toString());
        CosignatureSigner signer = CosignatureSigner.fromPrivateKey(Files.readString(keyFile).strip(), Clock.systemUTC());
        assertEquals(signer.verifierKey(), cli.out().strip());
        // Never overwrite an existing key.
        assertEquals(2, Cli.run("witness", "keygen", "--name", "witness.test/w1", "--out", keyFile.toString()).exitCode());
    }

    @Test
    void cosignsAConsistentlyGrowingLog() throws IOException {
        TestLog log = TestLog.create(tmp.resolve("log"), 100);
        Path key = keygen();
        Cli first = witness(log, key);
        assertEquals(0, first.exitCode(), first.toString());
        CosignatureVerifier verifier = verifier(key);
        Note state = Note.parse(Files.readAllBytes(tmp.resolve("state/checkpoint")));
        state.verify(verifier);
        state.verify(log.key.verifier());
        assertEquals(first.out().strip(), state.signatures().get(state.signatures().size() - 1).line());

        log.grow(1_000);
        Cli second = witness(log, key);
        assertEquals(0, second.exitCode(), second.toString());
        Note after = Note.parse(Files.readAllBytes(tmp.resolve("state/checkpoint")));
        assertEquals(1_100, Checkpoint.parse(after.text()).size());
        after.verify(verifier);
        // Seeing the same checkpoint again is fine.
        assertEquals(0, witness(log, key).exitCode());
    }

    @Test
    void refusesToGoBackwards() throws IOException {
        TestLog log = TestLog.create(tmp.resolve("log"), 100);
        byte[] older = log.store.readCheckpoint().orElseThrow();
        log.grow(50);
        Path key = keygen();
        assertEquals(0, witness(log, key).exitCode());
        byte[] witnessed = Files.readAllBytes(tmp.resolve("state/checkpoint"));

        log.store.writeCheckpoint(older);
        Cli cli = witness(log, key);
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("log went backwards: this witness saw size 150"), cli.err());
        assertTrue(cli.err().contains("the log now serves size 100"), cli.err());
        // The witness's state is untouched by a refused checkpoint.
        assertEquals(new String(witnessed), Files.readString(tmp.resolve("state/checkpoint")));
    }

    @Test
    void refusesAForkedLog() throws IOException {
        TestLog log = TestLog.create(tmp.resolve("log"), 100);
        Path key = keygen();
        assertEquals(0, witness(log, key).exitCode());
        // The operator rewrites history: same key, entry 7 changed, then more entries.
        log.deleteTiles();
        DirectoryTileStore store = log.store;
        List<byte[]> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            entries.add(i == 7 ? "rewritten".getBytes() : TestLog.entry(i));
        }
        TreeHead forked = new Integrator(store).append(0, entries);
        store.writeCheckpoint(new Checkpoint(TestLog.ORIGIN, forked).sign(log.key).toBytes());
        Cli cli = witness(log, key);
        assertEquals(1, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("not consistent with the cosigned size 100"), cli.err());
    }

    @Test
    void readsLogsOverHttpAndSubmitsToAnotherWitness() throws IOException {
        TestLog log = TestLog.create(tmp.resolve("log"), 700);
        Path key = keygen();
        CosignatureSigner remoteKey = CosignatureSigner.generate("remote.test/w", Clock.systemUTC());
        Witness remote = new Witness(remoteKey, Map.of(TestLog.ORIGIN, List.of(log.key.verifier())));
        Map<String, TreeHead> remoteState = new HashMap<>();
        remoteState.put(TestLog.ORIGIN, new TreeHead(0, org.parley.record.merkle.MerkleHasher.emptyRootHash()));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/log/", exchange -> {
            Path file = log.dir.resolve(exchange.getRequestURI().getPath().substring("/log/".length()));
            if (Files.isRegularFile(file)) {
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.createContext("/witness/add-checkpoint", exchange -> {
            try {
                AddCheckpointRequest request = AddCheckpointRequest.parse(exchange.getRequestBody().readAllBytes());
                Witness.Cosigned cosigned = remote.addCheckpoint(request, o -> Optional.ofNullable(remoteState.get(o)));
                remoteState.put(TestLog.ORIGIN, cosigned.checkpoint().treeHead());
                byte[] body = Witness.responseBody(List.of(cosigned.cosignature()));
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (WitnessException e) {
                byte[] body = e.latestSize().isPresent() ? (e.latestSize().getAsLong() + "\n").getBytes() : new byte[0];
                if (e.latestSize().isPresent()) {
                    exchange.getResponseHeaders().set("Content-Type", "text/x.tlog.size");
                }
                exchange.sendResponseHeaders(e.reason().httpStatus(), body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String logUrl = base + "/log";
            assertEquals(0, Cli.run("audit", "--log", logUrl, "--key", log.verifierKey()).exitCode());
            assertEquals(0, Cli.run("inclusion", "--log", logUrl, "--key", log.verifierKey(), "--index", "699").exitCode());

            Cli first = Cli.run("witness", "--log", logUrl, "--key", log.verifierKey(), "--state", tmp.resolve("state").toString(),
                    "--witness-key", key.toString(), "--submit", base + "/witness");
            assertEquals(0, first.exitCode(), first.toString());
            // The remote witness had seen size 0: it answers and its cosignature verifies.
            assertEquals(700, remoteState.get(TestLog.ORIGIN).size());
            String[] lines = first.out().strip().split("\n");
            assertEquals(2, lines.length, first.out());
            Note.parse(log.store.readCheckpoint().orElseThrow())
                    .withSignatures(List.of(NoteSignature.parse(lines[1])))
                    .verify(remoteKey.verifier());

            // The remote witness moves ahead of ours on its own; our next submission starts from
            // our old size, gets 409 with the remote's size, and retries from there.
            log.grow(300);
            remoteState.put(TestLog.ORIGIN, new TreeHead(1000, log.head.rootHash()));
            log.grow(24);
            Cli second = Cli.run("witness", "--log", logUrl, "--key", log.verifierKey(), "--state", tmp.resolve("state").toString(),
                    "--witness-key", key.toString(), "--submit", base + "/witness/add-checkpoint");
            assertEquals(0, second.exitCode(), second.toString());
            assertEquals(1024, remoteState.get(TestLog.ORIGIN).size());
        } finally {
            server.stop(0);
        }
    }

    private Path keygen() {
        Path key = tmp.resolve("witness.key");
        if (!Files.exists(key)) {
            assertEquals(0, Cli.run("witness", "keygen", "--name", "witness.test/w1", "--out", key.toString()).exitCode());
        }
        return key;
    }

    private static CosignatureVerifier verifier(Path key) throws IOException {
        return CosignatureSigner.fromPrivateKey(Files.readString(key).strip(), Clock.systemUTC()).verifier();
    }

    private Cli witness(TestLog log, Path key) {
        return Cli.run("witness", "--log", log.dir.toString(), "--key", log.verifierKey(),
                "--state", tmp.resolve("state").toString(), "--witness-key", key.toString());
    }

}
