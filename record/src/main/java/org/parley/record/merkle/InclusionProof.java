package org.parley.record.merkle;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.parley.record.InvalidProofException;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path showing that the leaf at {@code index} is in
 * the tree of {@code treeSize} leaves. The hashes are ordered from the leaf's sibling up.
 *
 * <p>A proof is data from an untrusted source: constructing one checks nothing, verifying it
 * checks everything.
 */
public final class InclusionProof {

    private final long index;
    private final long treeSize;
    private final List<byte[]> hashes;

    public InclusionProof(long index, long treeSize, List<byte[]> hashes) {
        this.index = index;
        this.treeSize = treeSize;
        this.hashes = ProofHashes.copyOf(hashes);
    }

    public long index() {
        return index;
    }

    public long treeSize() {
        return treeSize;
    }

    public List<byte[]> hashes() {
        return ProofHashes.copyOf(hashes);
    }

    /**
     * Checks that this proof places {@code leafHash} at {@code index} in the tree with
     * {@code rootHash}.
     *
     * @throws InvalidProofException saying why it does not
     */
    public void verify(byte[] leafHash, byte[] rootHash) {
        Objects.requireNonNull(rootHash, "rootHash");
        byte[] computed = rootHashFor(leafHash);
        if (!MessageDigest.isEqual(computed, rootHash)) {
            throw new InvalidProofException("inclusion proof for leaf " + index + " in tree of size " + treeSize
                    + " leads to root " + b64(computed) + ", not the expected " + b64(rootHash));
        }
    }

    /**
     * The root hash this proof implies for a tree holding {@code leafHash} at {@code index},
     * computed by the algorithm of RFC 9162 §2.1.3.2.
     *
     * @throws InvalidProofException if the proof cannot belong to such a tree at all
     */
    public byte[] rootHashFor(byte[] leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        if (index < 0 || treeSize < 0) {
            throw new InvalidProofException("negative leaf index or tree size: " + index + ", " + treeSize);
        }
        if (index >= treeSize) {
            throw new InvalidProofException("leaf index " + index + " is not below tree size " + treeSize);
        }
        if (leafHash.length != MerkleHasher.HASH_SIZE) {
            throw new InvalidProofException("leaf hash has " + leafHash.length + " bytes, not 32");
        }
        ProofHashes.requireHashSizes(hashes);
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : hashes) {
            if (sn == 0) {
                throw tooLong();
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHasher.nodeHash(p, r);
                // Past the right edge of a smaller tree the path climbs without siblings.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHasher.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("inclusion proof for leaf " + index + " in tree of size " + treeSize
                    + " is too short: " + hashes.size() + " hashes");
        }
        return r;
    }

    private InvalidProofException tooLong() {
        return new InvalidProofException("inclusion proof for leaf " + index + " in tree of size " + treeSize
                + " is too long: " + hashes.size() + " hashes");
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InclusionProof other && index == other.index && treeSize == other.treeSize
                && ProofHashes.equal(hashes, other.hashes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, treeSize, ProofHashes.hash(hashes));
    }

    @Override
    public String toString() {
        return "InclusionProof[index=" + index + ", treeSize=" + treeSize + ", hashes=" + ProofHashes.toString(hashes) + "]";
    }
}
