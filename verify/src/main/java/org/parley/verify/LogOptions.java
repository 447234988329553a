package org.parley.verify;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.parley.record.Checkpoint;
import org.parley.record.CorruptLogException;
import org.parley.record.MalformedKeyException;
import org.parley.record.note.Ed25519Verifier;
import org.parley.record.tiles.DirectoryTileStore;
import org.parley.record.tiles.TileReader;

import picocli.CommandLine.Option;

/** The log to check and the key it must be signed with; shared by every command. */
final class LogOptions {

    @Option(names = "--log", required = true, paramLabel = "URL",
            description = "Log prefix: an http(s):// URL, a file: URL or a directory laid out as C2SP tlog-tiles.")
    String log;

    @Option(names = "--key", required = true, paramLabel = "VERIFIERKEY",
            description = "The log's signed-note verifier key, <name>+<key ID>+<base64 key>.")
    String key;

    TileReader reader() throws IOException {
        if (log.startsWith("http://") || log.startsWith("https://")) {
            return new HttpTileReader(log);
        }
        Path dir = log.startsWith("file:") ? Path.of(URI.create(log)) : Path.of(log);
        if (!Files.isDirectory(dir)) {
            throw new IOException("log directory " + dir + " does not exist");
        }
        return new DirectoryTileStore(dir);
    }

    Ed25519Verifier verifier() {
        try {
            return Ed25519Verifier.fromVerifierKey(key);
        } catch (MalformedKeyException e) {
            // A bad key is a usage error, not a failed verification.
            throw new IllegalArgumentException("--key: " + e.getMessage(), e);
        }
    }

    /** Fetches the log's checkpoint and verifies its signature. */
    SignedCheckpoint checkpoint(TileReader reader) throws IOException {
        byte[] bytes = reader.readCheckpoint()
                .orElseThrow(() -> new CorruptLogException(log + "/checkpoint is missing"));
        return new SignedCheckpoint(Checkpoint.open(bytes, verifier()), bytes);
    }

    /** A checkpoint whose log signature verified, and the note bytes it came in. */
    record SignedCheckpoint(Checkpoint checkpoint, byte[] note) {
    }
}
