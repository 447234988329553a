package org.parley.bench.record;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.parley.record.merkle.MerkleHasher;

/** The primitive costs everything else is made of: RFC 9162 leaf and node hashes, and a full tile. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HashingBenchmark {

    byte[] left;
    byte[] right;
    byte[] tile;

    /** Entry sizes matter only to leaf hashing, so only it is parameterised by them. */
    @State(Scope.Thread)
    public static class Entry {

        @Param({"64", "1024"})
        int entrySize;

        byte[] bytes;

        @Setup
        public void setUp() {
            bytes = new byte[entrySize];
            new SplittableRandom(2).nextBytes(bytes);
        }
    }

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        left = new byte[32];
        right = new byte[32];
        random.nextBytes(left);
        random.nextBytes(right);
        tile = new byte[256 * 32];
        random.nextBytes(tile);
    }

    @Benchmark
    public byte[] leafHash(Entry entry) {
        return MerkleHasher.leafHash(entry.bytes);
    }

    @Benchmark
    public byte[] nodeHash() {
        return MerkleHasher.nodeHash(left, right);
    }

    /** Folding a full tile of 256 hashes into the hash one tile level up: 255 node hashes. */
    @Benchmark
    public byte[] fullTileHash() {
        return MerkleHasher.treeHash(tile, 0, 256);
    }
}
