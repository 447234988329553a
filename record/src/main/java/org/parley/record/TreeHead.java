package org.parley.record;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The size and RFC 9162 root hash of a Merkle tree: what a checkpoint commits to, without the
 * log's name or signatures.
 */
public final class TreeHead {

    private final long size;
    private final byte[] rootHash;

    public TreeHead(long size, byte[] rootHash) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        Objects.requireNonNull(rootHash, "rootHash");
        if (rootHash.length != 32) {
            throw new IllegalArgumentException("root hash must be 32 bytes, not " + rootHash.length);
        }
        this.size = size;
        this.rootHash = rootHash.clone();
    }

    public long size() {
        return size;
    }

    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeHead other && size == other.size && Arrays.equals(rootHash, other.rootHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "TreeHead[size=" + size + ", root=" + Base64.getEncoder().encodeToString(rootHash) + "]";
    }
}
