package org.parley.bench.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.parley.record.TreeHead;
import org.parley.record.tiles.DirectoryTileStore;
import org.parley.record.tiles.Integrator;
import org.parley.record.tiles.MemoryTileStore;
import org.parley.record.tiles.TileStore;

/**
 * Sequencer throughput: entries per second appended through the {@link Integrator}, in batches,
 * including entry bundles, every tile level and the new root. Each iteration starts a fresh log.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {

    static final int BATCH = 256;

    @Param({"memory", "directory"})
    String store;

    private TileStore tiles;
    private Integrator integrator;
    private Path dir;
    private long size;
    private List<byte[]> batch;

    @Setup(Level.Iteration)
    public void freshLog() throws IOException {
        if (store.equals("memory")) {
            tiles = new MemoryTileStore();
        } else {
            dir = BenchLog.dataDir().resolve("append");
            delete(dir);
            tiles = new DirectoryTileStore(dir);
        }
        integrator = new Integrator(tiles);
        size = 0;
        batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(BenchLog.entry(i));
        }
    }

    @TearDown(Level.Iteration)
    public void dropLog() throws IOException {
        tiles = null;
        if (dir != null) {
            delete(dir);
        }
    }

    /** Appends a batch of 256 entries of 25 bytes; the score is in entries per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public TreeHead appendBatch() throws IOException {
        TreeHead head = integrator.append(size, batch);
        size = head.size();
        return head;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
