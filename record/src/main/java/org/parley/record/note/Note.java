package org.parley.record.note;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.parley.record.BadSignatureException;
import org.parley.record.MalformedNoteException;

/**
 * A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one or more signature
 * lines. The text must be ignored until a trusted signature on it has been verified, so
 * {@link #verify} is the only sanctioned way from a note to its meaning.
 */
public final class Note {

    /** Signatures past this many make a note malformed; the spec asks verifiers to cap them. */
    public static final int MAX_SIGNATURES = 100;

    private final String text;
    private final List<NoteSignature> signatures;

    private Note(String text, List<NoteSignature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /**
     * Signs {@code text} with each signer.
     *
     * @throws MalformedNoteException if the text is empty, lacks its final newline or contains
     *     control characters
     */
    public static Note sign(String text, NoteSigner... signers) {
        requireValidText(text);
        if (signers.length == 0) {
            throw new IllegalArgumentException("a note needs at least one signer");
        }
        Note note = new Note(text, List.of());
        return note.withSignatures(signers);
    }

    /**
     * Parses a signed note without verifying it. Strict like Go's {@code note.Open}: valid UTF-8,
     * no control characters but newline, text separated from signatures by its last blank line,
     * and only well-formed signature lines after it. Identical repeated lines are dropped.
     */
    public static Note parse(byte[] message) {
        Objects.requireNonNull(message, "message");
        String all;
        try {
            all = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(message)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedNoteException("note is not valid UTF-8", e);
        }
        requireNoControlCharacters(all);
        int split = all.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNoteException("note has no blank line before its signatures");
        }
        String text = all.substring(0, split + 1);
        String block = all.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new MalformedNoteException("note has no signature lines, or they do not end in a newline");
        }
        Set<NoteSignature> signatures = new LinkedHashSet<>();
        int count = 0;
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (++count > MAX_SIGNATURES) {
                throw new MalformedNoteException("note has more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(NoteSignature.parse(line));
        }
        return new Note(text, new ArrayList<>(signatures));
    }

    /** Parses a note given as a string. */
    public static Note parse(String message) {
        return parse(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The signed text, including its final newline. Untrusted until {@link #verify} succeeds. */
    public String text() {
        return text;
    }

    public List<NoteSignature> signatures() {
        return signatures;
    }

    /**
     * This note with signatures from further signers appended, as a witness adds its cosignature
     * to a checkpoint. A signer's earlier signature (same name and key ID) is replaced.
     */
    public Note withSignatures(NoteSigner... signers) {
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> added = new ArrayList<>();
        for (NoteSigner signer : signers) {
            added.add(new NoteSignature(signer.keyName(), signer.keyId(), signer.sign(textBytes)));
        }
        return withSignatures(added);
    }

    /** This note with the given signature lines appended, replacing any from the same key. */
    public Note withSignatures(Collection<NoteSignature> added) {
        List<NoteSignature> all = new ArrayList<>();
        for (NoteSignature existing : signatures) {
            if (added.stream().noneMatch(s -> s.keyName().equals(existing.keyName()) && s.keyId() == existing.keyId())) {
                all.add(existing);
            }
        }
        all.addAll(added);
        if (all.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a note carries at most " + MAX_SIGNATURES + " signatures");
        }
        return new Note(text, all);
    }

    /**
     * Verifies the note against trusted keys and returns the signatures that verified. Signatures
     * from unknown keys (name and key ID not both matching a verifier) are ignored, as the spec
     * requires; a signature from a known key that fails rejects the whole note.
     *
     * @throws BadSignatureException if a known key's signature fails, or none verifies
     */
    public List<NoteSignature> verify(Collection<? extends NoteVerifier> verifiers) {
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> verified = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            for (NoteVerifier verifier : verifiers) {
                if (signature.isBy(verifier)) {
                    if (!verifier.verify(textBytes, signature.signature())) {
                        throw new BadSignatureException("invalid signature by " + verifier.keyName() + " (key ID "
                                + KeyStrings.hex(verifier.keyId()) + ")");
                    }
                    verified.add(signature);
                    break;
                }
            }
        }
        if (verified.isEmpty()) {
            throw new BadSignatureException("note has no signature from a trusted key; signed by: " + signers());
        }
        return verified;
    }

    /** {@link #verify(Collection)} with the verifiers given inline. */
    public List<NoteSignature> verify(NoteVerifier... verifiers) {
        return verify(List.of(verifiers));
    }

    /** The note as it goes on the wire: text, blank line, signature lines. */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            sb.append(signature.line()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Note other && text.equals(other.text) && signatures.equals(other.signatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, signatures);
    }

    private String signers() {
        StringBuilder sb = new StringBuilder();
        for (NoteSignature s : signatures) {
            sb.append(sb.isEmpty() ? "" : ", ").append(s.keyName()).append('+').append(KeyStrings.hex(s.keyId()));
        }
        return sb.toString();
    }

    static void requireValidText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new MalformedNoteException("note text must be non-empty and end with a newline");
        }
        requireNoControlCharacters(text);
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(CharBuffer.wrap(text))) {
            throw new MalformedNoteException("note text is not valid Unicode");
        }
    }

    private static void requireNoControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new MalformedNoteException("note contains control character U+"
                        + String.format("%04X", (int) c) + " at offset " + i);
            }
        }
    }
}
