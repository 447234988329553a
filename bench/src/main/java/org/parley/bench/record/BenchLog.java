package org.parley.bench.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.parley.record.Checkpoint;
import org.parley.record.TreeHead;
import org.parley.record.note.Ed25519Signer;
import org.parley.record.tiles.DirectoryTileStore;
import org.parley.record.tiles.Integrator;

/**
 * Builds (once) and reuses large logs on disk for benchmarks and for timing the verifier's audit.
 * The log is signed with a key generated for it; the verifier key is kept in {@code verifier-key}
 * beside the tiles, and {@code size} marks a completed build.
 *
 * <p>Run directly to build one: {@code java -cp parley-bench.jar org.parley.bench.record.BenchLog DIR SIZE}.
 */
public final class BenchLog {

    static final String ORIGIN = "bench.parley.example/log";
    private static final int BATCH = 1 << 16;

    final Path dir;
    final DirectoryTileStore store;
    final long size;
    final byte[] rootHash;
    final String verifierKey;

    private BenchLog(Path dir, long size, byte[] rootHash, String verifierKey) {
        this.dir = dir;
        this.store = new DirectoryTileStore(dir);
        this.size = size;
        this.rootHash = rootHash;
        this.verifierKey = verifierKey;
    }

    /** The benchmark data directory: {@code -Dparley.bench.dir}, else target/ of the bench module. */
    static Path dataDir() {
        String configured = System.getProperty("parley.bench.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path bench = Path.of("bench/target");
        return (Files.isDirectory(bench) ? bench : Path.of("target")).resolve("bench-data");
    }

    /** Opens the log at {@code dir} if a build of {@code size} entries completed there, else builds it. */
    static BenchLog openOrBuild(Path dir, long size) throws IOException {
        Optional<BenchLog> existing = open(dir, size);
        if (existing.isPresent()) {
            return existing.get();
        }
        return build(dir, size);
    }

    static byte[] entry(long i) {
        return String.format("bench-entry-%012d", i).getBytes(StandardCharsets.US_ASCII);
    }

    private static Optional<BenchLog> open(Path dir, long size) throws IOException {
        Path marker = dir.resolve("size");
        if (!Files.exists(marker) || Long.parseLong(Files.readString(marker).strip()) != size) {
            return Optional.empty();
        }
        String key = Files.readString(dir.resolve("verifier-key")).strip();
        byte[] note = Files.readAllBytes(dir.resolve("checkpoint"));
        Checkpoint checkpoint = Checkpoint.open(note, org.parley.record.note.Ed25519Verifier.fromVerifierKey(key));
        return Optional.of(new BenchLog(dir, checkpoint.size(), checkpoint.rootHash(), key));
    }

    private static BenchLog build(Path dir, long size) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        long start = System.nanoTime();
        DirectoryTileStore store = new DirectoryTileStore(dir);
        Integrator integrator = new Integrator(store);
        TreeHead head = integrator.append(0, List.of());
        for (long at = 0; at < size; ) {
            int n = (int) Math.min(BATCH, size - at);
            List<byte[]> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entries.add(entry(at + i));
            }
            head = integrator.append(at, entries);
            at += n;
        }
        Ed25519Signer key = Ed25519Signer.generate(ORIGIN);
        store.writeCheckpoint(new Checkpoint(ORIGIN, head).sign(key).toBytes());
        Files.writeString(dir.resolve("verifier-key"), key.verifierKey() + "\n");
        Files.writeString(dir.resolve("size"), size + "\n");
        System.err.printf("built a log of %d entries in %s in %.1f s%n", size, dir, (System.nanoTime() - start) / 1e9);
        return new BenchLog(dir, head.size(), head.rootHash(), key.verifierKey());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BenchLog DIR SIZE");
            System.exit(2);
        }
        BenchLog log = openOrBuild(Path.of(args[0]), Long.parseLong(args[1]));
        System.out.println(log.verifierKey);
    }
}
