package org.parley.record.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.parley.record.MalformedNoteException;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.MerkleHasher;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request: the size of the checkpoint the
 * witness last cosigned, a consistency proof from it, a blank line, then the signed checkpoint.
 *
 * <pre>
 * old 20852014
 * PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
 * ...
 *
 * example.com/behind-the-sofa
 * ...
 * </pre>
 */
public final class AddCheckpointRequest {

    /** A consistency proof never needs more hashes than this; the spec caps requests here. */
    public static final int MAX_PROOF_HASHES = 63;

    private final long oldSize;
    private final List<byte[]> proof;
    private final byte[] checkpoint;

    public AddCheckpointRequest(long oldSize, List<byte[]> proof, byte[] checkpoint) {
        if (oldSize < 0) {
            throw new IllegalArgumentException("old size must not be negative");
        }
        if (proof.size() > MAX_PROOF_HASHES) {
            throw new IllegalArgumentException("at most " + MAX_PROOF_HASHES + " proof hashes");
        }
        List<byte[]> copy = new ArrayList<>();
        for (byte[] hash : proof) {
            if (hash.length != MerkleHasher.HASH_SIZE) {
                throw new IllegalArgumentException("proof hashes must be 32 bytes");
            }
            copy.add(hash.clone());
        }
        this.oldSize = oldSize;
        this.proof = List.copyOf(copy);
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint").clone();
    }

    /** A request carrying a consistency proof generated for the checkpoint. */
    public static AddCheckpointRequest of(ConsistencyProof proof, byte[] checkpoint) {
        return new AddCheckpointRequest(proof.oldSize(), proof.hashes(), checkpoint);
    }

    /**
     * Parses a request body strictly.
     *
     * @throws MalformedNoteException if it does not follow the tlog-witness grammar
     */
    public static AddCheckpointRequest parse(byte[] body) {
        int at = 0;
        int end = indexOf(body, at);
        if (end < 0) {
            throw new MalformedNoteException("add-checkpoint request has no old size line");
        }
        String first = new String(body, at, end - at, StandardCharsets.US_ASCII);
        if (!first.startsWith("old ")) {
            throw new MalformedNoteException("add-checkpoint request does not start with 'old <size>'");
        }
        long oldSize = parseSize(first.substring(4));
        at = end + 1;
        List<byte[]> proof = new ArrayList<>();
        while (true) {
            end = indexOf(body, at);
            if (end < 0) {
                throw new MalformedNoteException("add-checkpoint request has no blank line before the checkpoint");
            }
            if (end == at) {
                at = end + 1;
                break;
            }
            if (proof.size() == MAX_PROOF_HASHES) {
                throw new MalformedNoteException("add-checkpoint request has more than " + MAX_PROOF_HASHES + " proof lines");
            }
            String line = new String(body, at, end - at, StandardCharsets.US_ASCII);
            proof.add(parseHash(line));
            at = end + 1;
        }
        if (at >= body.length) {
            throw new MalformedNoteException("add-checkpoint request has no checkpoint");
        }
        return new AddCheckpointRequest(oldSize, proof, Arrays.copyOfRange(body, at, body.length));
    }

    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder("old ").append(oldSize).append('\n');
        for (byte[] hash : proof) {
            sb.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        sb.append('\n');
        byte[] head = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + checkpoint.length);
        System.arraycopy(checkpoint, 0, out, head.length, checkpoint.length);
        return out;
    }

    public long oldSize() {
        return oldSize;
    }

    public List<byte[]> proof() {
        List<byte[]> copy = new ArrayList<>();
        proof.forEach(h -> copy.add(h.clone()));
        return copy;
    }

    /** The signed checkpoint note, as sent. */
    public byte[] checkpoint() {
        return checkpoint.clone();
    }

    private static int indexOf(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long parseSize(String s) {
        if (s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')
                || (s.length() > 1 && s.charAt(0) == '0')) {
            throw new MalformedNoteException("old size is not a decimal number without leading zeros: '" + s + "'");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new MalformedNoteException("old size out of range: " + s, e);
        }
    }

    private static byte[] parseHash(String line) {
        try {
            byte[] hash = Base64.getDecoder().decode(line);
            if (hash.length == MerkleHasher.HASH_SIZE && Base64.getEncoder().encodeToString(hash).equals(line)) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new MalformedNoteException("consistency proof line is not base64 of a 32-byte hash: '" + line + "'");
    }
}
