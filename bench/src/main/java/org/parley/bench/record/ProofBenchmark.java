package org.parley.bench.record;

import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.InclusionProof;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.merkle.ProofBuilder;
import org.parley.record.tiles.TileHashReader;

/**
 * Proof generation from tiles on disk plus verification, in a log of 10 million entries. Each
 * operation opens a fresh {@link TileHashReader}, so no tile is cached between proofs (the OS page
 * cache still is): the cost of answering one proof request from storage.
 *
 * <p>The log is built once under target/bench-data (about 20 s) and reused by later runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProofBenchmark {

    static final long SIZE = 10_000_000L;
    private static final int OLD_SIZES = 1024;

    private BenchLog log;
    private long[] oldSizes;
    private byte[][] oldRoots;

    @Setup(Level.Trial)
    public void openLog() throws IOException {
        log = BenchLog.openOrBuild(BenchLog.dataDir().resolve("log-10m"), SIZE);
        SplittableRandom random = new SplittableRandom(7);
        oldSizes = new long[OLD_SIZES];
        oldRoots = new byte[OLD_SIZES][];
        ProofBuilder proofs = new ProofBuilder(new TileHashReader(log.store, SIZE));
        for (int i = 0; i < OLD_SIZES; i++) {
            oldSizes[i] = random.nextLong(1, SIZE);
            oldRoots[i] = proofs.rootHash(oldSizes[i]);
        }
    }

    @State(Scope.Thread)
    public static class Picks {
        final SplittableRandom random = new SplittableRandom(11);
    }

    @Benchmark
    public InclusionProof inclusionProofAndVerify(Picks picks) throws IOException {
        long index = picks.random.nextLong(SIZE);
        InclusionProof proof = new ProofBuilder(new TileHashReader(log.store, SIZE)).inclusionProof(index, SIZE);
        proof.verify(MerkleHasher.leafHash(BenchLog.entry(index)), log.rootHash);
        return proof;
    }

    @Benchmark
    public ConsistencyProof consistencyProofAndVerify(Picks picks) throws IOException {
        int pick = picks.random.nextInt(OLD_SIZES);
        ConsistencyProof proof = new ProofBuilder(new TileHashReader(log.store, SIZE)).consistencyProof(oldSizes[pick], SIZE);
        proof.verify(oldRoots[pick], log.rootHash);
        return proof;
    }
}
