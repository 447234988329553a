package org.parley.record.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parley.record.BadSignatureException;
import org.parley.record.Checkpoint;
import org.parley.record.InvalidProofException;
import org.parley.record.MalformedNoteException;
import org.parley.record.TreeHead;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.note.CosignatureSigner;
import org.parley.record.note.Note;
import org.parley.record.note.NoteSignature;
import org.parley.record.note.NoteVerifier;

/**
 * The decision logic of a C2SP tlog-witness: given an {@code add-checkpoint} request and the
 * latest checkpoint it cosigned for that log, either cosign the new checkpoint or refuse with the
 * reason the spec names. Storage is the caller's: it must look up the latest state and replace it
 * with the result atomically (compare and set on {@link Cosigned#previous()}), or two concurrent
 * requests could roll the witness back.
 */
public final class Witness {

    /** Where a witness keeps the latest tree head it cosigned, per log origin. */
    @FunctionalInterface
    public interface State {
        Optional<TreeHead> latest(String origin) throws IOException;
    }

    /**
     * A successful cosigning: the verified checkpoint, the note with the witness's cosignature
     * added, the cosignature itself, and the state it replaced.
     */
    public record Cosigned(Checkpoint checkpoint, Note note, NoteSignature cosignature, Optional<TreeHead> previous) {
    }

    private final CosignatureSigner signer;
    private final Map<String, List<NoteVerifier>> logs;

    /**
     * @param signer the witness's key
     * @param logs for each log origin this witness follows, the log's trusted keys
     */
    public Witness(CosignatureSigner signer, Map<String, ? extends List<? extends NoteVerifier>> logs) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.logs = logs.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /**
     * Checks the request as tlog-witness prescribes and cosigns its checkpoint.
     *
     * @throws WitnessException with the reason and HTTP status to refuse with
     */
    public Cosigned addCheckpoint(AddCheckpointRequest request, State state) throws IOException {
        Note note;
        Checkpoint unverified;
        try {
            note = Note.parse(request.checkpoint());
            unverified = Checkpoint.parse(note.text());
        } catch (MalformedNoteException e) {
            throw new WitnessException(WitnessException.Reason.BAD_REQUEST, "malformed checkpoint: " + e.getMessage(), -1, e);
        }
        List<NoteVerifier> keys = logs.get(unverified.origin());
        if (keys == null) {
            throw new WitnessException(WitnessException.Reason.UNKNOWN_LOG, "unknown log origin " + unverified.origin());
        }
        try {
            note.verify(keys);
        } catch (BadSignatureException e) {
            throw new WitnessException(WitnessException.Reason.UNTRUSTED_CHECKPOINT,
                    "checkpoint of " + unverified.origin() + " is not signed by a trusted log key: " + e.getMessage(), -1, e);
        }
        Checkpoint checkpoint = unverified;
        long oldSize = request.oldSize();
        if (oldSize > checkpoint.size()) {
            throw new WitnessException(WitnessException.Reason.BAD_REQUEST, "old size " + oldSize
                    + " is larger than the checkpoint's size " + checkpoint.size());
        }
        Optional<TreeHead> latest = state.latest(checkpoint.origin());
        long latestSize = latest.map(TreeHead::size).orElse(0L);
        if (oldSize != latestSize) {
            throw new WitnessException(WitnessException.Reason.CONFLICT, "old size " + oldSize
                    + " is not the size this witness last cosigned for " + checkpoint.origin() + ", " + latestSize,
                    latestSize, null);
        }
        if (latest.isEmpty() || latestSize == 0) {
            if (!request.proof().isEmpty()) {
                throw new WitnessException(WitnessException.Reason.BAD_REQUEST, "consistency proof from size 0 must be empty");
            }
        } else if (latestSize == checkpoint.size()) {
            if (!request.proof().isEmpty()) {
                throw new WitnessException(WitnessException.Reason.BAD_REQUEST, "consistency proof between equal sizes must be empty");
            }
            if (!MessageDigest.isEqual(latest.get().rootHash(), checkpoint.rootHash())) {
                throw new WitnessException(WitnessException.Reason.CONFLICT, "checkpoint of size " + checkpoint.size()
                        + " has a different root hash than the one this witness cosigned: the log has forked",
                        latestSize, null);
            }
        } else {
            try {
                new ConsistencyProof(oldSize, checkpoint.size(), request.proof())
                        .verify(latest.get().rootHash(), checkpoint.rootHash());
            } catch (InvalidProofException e) {
                throw new WitnessException(WitnessException.Reason.INCONSISTENT, "checkpoint of size " + checkpoint.size()
                        + " is not consistent with the cosigned size " + oldSize + ": " + e.getMessage(), latestSize, e);
            }
        }
        byte[] signature = signer.sign(note.text().getBytes(StandardCharsets.UTF_8));
        NoteSignature cosignature = new NoteSignature(signer.keyName(), signer.keyId(), signature);
        return new Cosigned(checkpoint, note.withSignatures(List.of(cosignature)), cosignature, latest);
    }

    /** The {@code add-checkpoint} response body: one line per cosignature. */
    public static byte[] responseBody(List<NoteSignature> cosignatures) {
        StringBuilder sb = new StringBuilder();
        cosignatures.forEach(s -> sb.append(s.line()).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses an {@code add-checkpoint} response body into its signature lines. They still need
     * verifying, for instance by adding them to the checkpoint note and verifying with the
     * witness keys.
     */
    public static List<NoteSignature> parseResponse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new MalformedNoteException("add-checkpoint response must be newline-terminated signature lines");
        }
        return text.substring(0, text.length() - 1).lines().map(NoteSignature::parse).toList();
    }
}
