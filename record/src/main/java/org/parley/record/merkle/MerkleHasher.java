package org.parley.record.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256. Leaves and interior nodes get distinct one-byte
 * prefixes so that a leaf can never be passed off as a node (second-preimage resistance).
 *
 * <p>Thread-safe: each thread keeps its own digest, because creating one per hash costs more
 * than the hash itself for small entries.
 */
public final class MerkleHasher {

    /** Size in bytes of every hash in the tree. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = sha256().digest();

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHasher::sha256);

    private MerkleHasher() {
    }

    /** The root hash of the empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRootHash() {
        return EMPTY_ROOT.clone();
    }

    /** SHA-256(0x00 || entry). */
    public static byte[] leafHash(byte[] entry) {
        return leafHash(entry, 0, entry.length);
    }

    /** SHA-256(0x00 || entry[offset, offset+length)), so entries can be hashed in place in a bundle. */
    public static byte[] leafHash(byte[] buffer, int offset, int length) {
        MessageDigest md = DIGEST.get();
        md.update(LEAF_PREFIX);
        md.update(buffer, offset, length);
        return md.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = DIGEST.get();
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /**
     * The Merkle tree hash of {@code count} consecutive hashes stored back to back in
     * {@code hashes} from {@code offset}, treating them as the leaves' hashes of a left-balanced
     * subtree. This is how a tile's hashes fold into the node one tile level up.
     */
    public static byte[] treeHash(byte[] hashes, int offset, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a subtree needs at least one hash");
        }
        if (offset < 0 || (long) offset + (long) count * HASH_SIZE > hashes.length) {
            throw new IllegalArgumentException("hash range outside the buffer");
        }
        byte[] scratch = new byte[count * HASH_SIZE];
        System.arraycopy(hashes, offset, scratch, 0, scratch.length);
        return fold(scratch, count);
    }

    // Collapses a level of hashes into its parent level in place until one hash remains; an odd
    // hash at the right edge moves up unchanged, which yields exactly RFC 9162's left-balanced MTH.
    private static byte[] fold(byte[] level, int count) {
        MessageDigest md = DIGEST.get();
        try {
            while (count > 1) {
                int parents = 0;
                for (int i = 0; i + 1 < count; i += 2) {
                    md.update(NODE_PREFIX);
                    md.update(level, i * HASH_SIZE, 2 * HASH_SIZE);
                    md.digest(level, parents * HASH_SIZE, HASH_SIZE);
                    parents++;
                }
                if ((count & 1) == 1) {
                    System.arraycopy(level, (count - 1) * HASH_SIZE, level, parents * HASH_SIZE, HASH_SIZE);
                    parents++;
                }
                count = parents;
            }
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
        byte[] root = new byte[HASH_SIZE];
        System.arraycopy(level, 0, root, 0, HASH_SIZE);
        return root;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
