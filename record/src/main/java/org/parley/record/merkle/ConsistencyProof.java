package org.parley.record.merkle;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.parley.record.InvalidProofException;

/**
 * An RFC 9162 §2.1.4 consistency proof: the hashes showing that the tree of {@code oldSize}
 * leaves is a prefix of the tree of {@code newSize} leaves, i.e. that the log only appended.
 */
public final class ConsistencyProof {

    private static final byte[] EMPTY_ROOT = MerkleHasher.emptyRootHash();

    private final long oldSize;
    private final long newSize;
    private final List<byte[]> hashes;

    public ConsistencyProof(long oldSize, long newSize, List<byte[]> hashes) {
        this.oldSize = oldSize;
        this.newSize = newSize;
        this.hashes = ProofHashes.copyOf(hashes);
    }

    public long oldSize() {
        return oldSize;
    }

    public long newSize() {
        return newSize;
    }

    public List<byte[]> hashes() {
        return ProofHashes.copyOf(hashes);
    }

    /**
     * Checks that the tree of {@code oldSize} with {@code oldRoot} is a prefix of the tree of
     * {@code newSize} with {@code newRoot}, by the algorithm of RFC 9162 §2.1.4.2.
     *
     * <p>Edge cases follow transparency-dev/merkle: equal sizes need an empty proof and equal
     * roots (and the empty tree has only one root); a proof from size 0 is meaningless and
     * rejected, since any tree extends the empty one and callers should not ask.
     *
     * @throws InvalidProofException saying why the trees are not shown consistent
     */
    public void verify(byte[] oldRoot, byte[] newRoot) {
        Objects.requireNonNull(oldRoot, "oldRoot");
        Objects.requireNonNull(newRoot, "newRoot");
        if (oldSize < 0 || newSize < 0) {
            throw new InvalidProofException("negative tree size: " + oldSize + ", " + newSize);
        }
        if (oldSize > newSize) {
            throw new InvalidProofException("old tree size " + oldSize + " is larger than new tree size " + newSize
                    + ": a log never shrinks");
        }
        if (oldSize == newSize) {
            if (!hashes.isEmpty()) {
                throw new InvalidProofException("consistency proof between equal sizes " + oldSize
                        + " must be empty, has " + hashes.size() + " hashes");
            }
            if (oldSize == 0 && !MessageDigest.isEqual(oldRoot, EMPTY_ROOT)) {
                throw new InvalidProofException("root of the empty tree must be " + b64(EMPTY_ROOT) + ", not " + b64(oldRoot));
            }
            if (!MessageDigest.isEqual(oldRoot, newRoot)) {
                throw new InvalidProofException("trees of equal size " + oldSize + " have different roots "
                        + b64(oldRoot) + " and " + b64(newRoot));
            }
            return;
        }
        if (oldSize == 0) {
            throw new InvalidProofException("a consistency proof from the empty tree is meaningless");
        }
        if (hashes.isEmpty()) {
            throw new InvalidProofException("consistency proof from " + oldSize + " to " + newSize + " is empty");
        }
        ProofHashes.requireHashSizes(hashes);

        // If oldSize is a power of two the old root is itself a node of the new tree, and the
        // proof omits it because the verifier already has it.
        boolean oldIsPerfect = (oldSize & (oldSize - 1)) == 0;
        int next;
        byte[] fr;
        if (oldIsPerfect) {
            fr = oldRoot;
            next = 0;
        } else {
            fr = hashes.get(0);
            next = 1;
        }
        byte[] sr = fr;
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        for (int i = next; i < hashes.size(); i++) {
            byte[] c = hashes.get(i);
            if (sn == 0) {
                throw new InvalidProofException("consistency proof from " + oldSize + " to " + newSize
                        + " is too long: " + hashes.size() + " hashes");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHasher.nodeHash(c, fr);
                sr = MerkleHasher.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHasher.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("consistency proof from " + oldSize + " to " + newSize
                    + " is too short: " + hashes.size() + " hashes");
        }
        if (!MessageDigest.isEqual(fr, oldRoot)) {
            throw new InvalidProofException("consistency proof from " + oldSize + " to " + newSize
                    + " leads to old root " + b64(fr) + ", not the expected " + b64(oldRoot));
        }
        if (!MessageDigest.isEqual(sr, newRoot)) {
            throw new InvalidProofException("consistency proof from " + oldSize + " to " + newSize
                    + " leads to new root " + b64(sr) + ", not the expected " + b64(newRoot));
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsistencyProof other && oldSize == other.oldSize && newSize == other.newSize
                && ProofHashes.equal(hashes, other.hashes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(oldSize, newSize, ProofHashes.hash(hashes));
    }

    @Override
    public String toString() {
        return "ConsistencyProof[oldSize=" + oldSize + ", newSize=" + newSize + ", hashes=" + ProofHashes.toString(hashes) + "]";
    }
}
