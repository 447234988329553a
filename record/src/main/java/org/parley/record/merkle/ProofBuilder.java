package org.parley.record.merkle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Builds inclusion and consistency proofs, and root hashes, for any tree size the
 * {@link HashReader} can serve, reading only the O(log n) node hashes each needs.
 *
 * <p>Each proof element is the hash of an RFC 9162 subtree {@code D[begin:end)}. Subtrees on the
 * right edge of a tree are not perfect (tessera calls them ephemeral nodes), so they are never
 * stored; each is rebuilt from the perfect subtrees that tile it, found from the binary
 * decomposition of its size. All the nodes of a proof are requested in a single batch.
 */
public final class ProofBuilder {

    private final HashReader reader;

    public ProofBuilder(HashReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The inclusion proof of the leaf at {@code index} in the tree of {@code treeSize} leaves. */
    public InclusionProof inclusionProof(long index, long treeSize) throws IOException {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + treeSize);
        }
        // RFC 9162 PATH(m, D[n]), walked from the root down; the proof lists it bottom up.
        List<Range> path = new ArrayList<>();
        long begin = 0;
        long end = treeSize;
        while (end - begin > 1) {
            long k = largestPowerOfTwoBelow(end - begin);
            if (index < begin + k) {
                path.add(new Range(begin + k, end));
                end = begin + k;
            } else {
                path.add(new Range(begin, begin + k));
                begin = begin + k;
            }
        }
        Collections.reverse(path);
        return new InclusionProof(index, treeSize, hashRanges(path));
    }

    /** The consistency proof from the tree of {@code oldSize} leaves to that of {@code newSize}. */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) throws IOException {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to " + newSize);
        }
        if (oldSize == 0 || oldSize == newSize) {
            return new ConsistencyProof(oldSize, newSize, List.of());
        }
        // RFC 9162 SUBPROOF(m, D[n], true), walked from the root down.
        List<Range> path = new ArrayList<>();
        long begin = 0;
        long end = newSize;
        boolean oldRootKnown = true;
        while (oldSize != end) {
            long k = largestPowerOfTwoBelow(end - begin);
            if (oldSize <= begin + k) {
                path.add(new Range(begin + k, end));
                end = begin + k;
            } else {
                path.add(new Range(begin, begin + k));
                begin = begin + k;
                oldRootKnown = false;
            }
        }
        if (!oldRootKnown) {
            path.add(new Range(begin, end));
        }
        Collections.reverse(path);
        return new ConsistencyProof(oldSize, newSize, hashRanges(path));
    }

    /** The RFC 9162 root hash of the tree of {@code treeSize} leaves. */
    public byte[] rootHash(long treeSize) throws IOException {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        if (treeSize == 0) {
            return MerkleHasher.emptyRootHash();
        }
        return hashRanges(List.of(new Range(0, treeSize))).get(0);
    }

    /** Folds the hashes of the perfect subtrees tiling a range, left to right, into the range's hash. */
    private static byte[] foldRight(List<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return MerkleHasher.emptyRootHash();
        }
        byte[] h = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            h = MerkleHasher.nodeHash(hashes.get(i), h);
        }
        return h;
    }

    private List<byte[]> hashRanges(List<Range> ranges) throws IOException {
        List<NodeId> nodes = new ArrayList<>();
        int[] counts = new int[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            int before = nodes.size();
            ranges.get(i).appendNodes(nodes);
            counts[i] = nodes.size() - before;
        }
        List<byte[]> nodeHashes = nodes.isEmpty() ? List.of() : reader.readHashes(nodes);
        if (nodeHashes.size() != nodes.size()) {
            throw new IllegalStateException("hash reader returned " + nodeHashes.size() + " hashes for "
                    + nodes.size() + " nodes");
        }
        List<byte[]> result = new ArrayList<>(ranges.size());
        int at = 0;
        for (int count : counts) {
            result.add(foldRight(nodeHashes.subList(at, at + count)));
            at += count;
        }
        return result;
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * A subtree {@code D[begin:end)} as RFC 9162 recursion produces it: {@code begin} is a multiple
     * of a power of two at least as large as the range, so the range splits into perfect subtrees
     * following the bits of its size, largest first.
     */
    private record Range(long begin, long end) {

        void appendNodes(List<NodeId> out) {
            long at = begin;
            long remaining = end - begin;
            while (remaining > 0) {
                int level = 63 - Long.numberOfLeadingZeros(remaining);
                out.add(new NodeId(level, at >>> level));
                at += 1L << level;
                remaining -= 1L << level;
            }
        }
    }
}
