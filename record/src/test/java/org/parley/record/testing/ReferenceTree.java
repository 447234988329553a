package org.parley.record.testing;

import java.util.ArrayList;
import java.util.List;

import org.parley.record.merkle.MerkleHasher;

/**
 * RFC 9162 §2.1 written as literally as possible, recursion and all, over leaf hashes held in
 * memory: the oracle the tiled implementation is checked against.
 */
public final class ReferenceTree {

    private final List<byte[]> leaves = new ArrayList<>();

    public void add(byte[] entry) {
        leaves.add(MerkleHasher.leafHash(entry));
    }

    public int size() {
        return leaves.size();
    }

    public byte[] leafHash(int index) {
        return leaves.get(index).clone();
    }

    public byte[] root(int n) {
        return mth(0, n);
    }

    /** PATH(m, D[0:n]). */
    public List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    /** PROOF(m, D[0:n]). */
    public List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private byte[] mth(int begin, int end) {
        int n = end - begin;
        if (n == 0) {
            return MerkleHasher.emptyRootHash();
        }
        if (n == 1) {
            return leaves.get(begin);
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHasher.nodeHash(mth(begin, begin + k), mth(begin + k, end));
    }

    private List<byte[]> path(int m, int begin, int end) {
        int n = end - begin;
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            out.addAll(path(m, begin, begin + k));
            out.add(mth(begin + k, end));
        } else {
            out.addAll(path(m - k, begin + k, end));
            out.add(mth(begin, begin + k));
        }
        return out;
    }

    private List<byte[]> subproof(int m, int begin, int end, boolean b) {
        int n = end - begin;
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(begin, end));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(subproof(m, begin, begin + k, b));
            out.add(mth(begin + k, end));
        } else {
            out.addAll(subproof(m - k, begin + k, end, false));
            out.add(mth(begin, begin + k));
        }
        return out;
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
