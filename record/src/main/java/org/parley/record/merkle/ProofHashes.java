package org.parley.record.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.parley.record.InvalidProofException;

/** Defensive copying and value semantics for lists of hashes, which Java arrays lack. */
final class ProofHashes {

    private ProofHashes() {
    }

    static List<byte[]> copyOf(List<byte[]> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) {
            copy.add(Objects.requireNonNull(h, "proof hash").clone());
        }
        return Collections.unmodifiableList(copy);
    }

    static void requireHashSizes(List<byte[]> hashes) {
        for (int i = 0; i < hashes.size(); i++) {
            if (hashes.get(i).length != MerkleHasher.HASH_SIZE) {
                throw new InvalidProofException("proof hash " + i + " has " + hashes.get(i).length + " bytes, not 32");
            }
        }
    }

    static boolean equal(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int hash(List<byte[]> hashes) {
        int h = 1;
        for (byte[] b : hashes) {
            h = 31 * h + Arrays.hashCode(b);
        }
        return h;
    }

    static String toString(List<byte[]> hashes) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < hashes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Base64.getEncoder().encodeToString(hashes.get(i)));
        }
        return sb.append(']').toString();
    }
}
