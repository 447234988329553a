package org.parley.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.parley.record.Checkpoint;
import org.parley.record.TreeHead;
import org.parley.record.note.Ed25519Signer;
import org.parley.record.tiles.DirectoryTileStore;
import org.parley.record.tiles.Integrator;

/** A log in a directory, built with the record library, with entries "entry-000000", ... */
final class TestLog {

    static final String ORIGIN = "parley.test/log";

    final Path dir;
    final Ed25519Signer key;
    final DirectoryTileStore store;
    long size;
    TreeHead head;

    TestLog(Path dir, Ed25519Signer key) {
        this.dir = dir;
        this.key = key;
        this.store = new DirectoryTileStore(dir);
    }

    static TestLog create(Path dir, int entries) throws IOException {
        TestLog log = new TestLog(dir, Ed25519Signer.generate(ORIGIN));
        log.grow(entries);
        return log;
    }

    static byte[] entry(long i) {
        return String.format("entry-%06d", i).getBytes(StandardCharsets.US_ASCII);
    }

    /** Appends n entries and publishes a signed checkpoint for the new size. */
    byte[] grow(int n) throws IOException {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(entry(size + i));
        }
        head = new Integrator(store).append(size, entries);
        size = head.size();
        byte[] checkpoint = new Checkpoint(ORIGIN, head).sign(key).toBytes();
        store.writeCheckpoint(checkpoint);
        return checkpoint;
    }

    String verifierKey() {
        return key.verifierKey();
    }

    String[] args(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command, "--log", dir.toString(), "--key", verifierKey()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    void deleteTiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("tile"))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
