package org.parley.record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.parley.record.merkle.MerkleHasher;
import org.parley.record.note.Note;
import org.parley.record.note.NoteSigner;
import org.parley.record.note.NoteVerifier;

/**
 * A C2SP tlog-checkpoint: the note text naming a log (its origin), the size of its tree and the
 * tree's root hash, optionally followed by opaque extension lines. Signed, it is the log's
 * commitment that every entry below that size is fixed forever.
 */
public final class Checkpoint {

    private final String origin;
    private final long size;
    private final byte[] rootHash;
    private final List<String> extensions;

    public Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("origin must be one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative");
        }
        if (rootHash.length != MerkleHasher.HASH_SIZE) {
            throw new IllegalArgumentException("root hash must be 32 bytes, not " + rootHash.length);
        }
        for (String extension : extensions) {
            if (extension.isEmpty() || extension.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("extension lines must be single non-empty lines");
            }
        }
        this.origin = origin;
        this.size = size;
        this.rootHash = rootHash.clone();
        this.extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, TreeHead head) {
        this(origin, head.size(), head.rootHash(), List.of());
    }

    /**
     * Parses checkpoint note text strictly: at least three lines, a non-empty origin, a decimal
     * size without sign or leading zeros, a root hash in canonical base64 of exactly 32 bytes,
     * non-empty extension lines, and a final newline.
     */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.endsWith("\n")) {
            throw new MalformedNoteException("checkpoint text does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new MalformedNoteException("checkpoint has " + lines.length + " lines, needs origin, size and root hash");
        }
        if (lines[0].isEmpty()) {
            throw new MalformedNoteException("checkpoint origin line is empty");
        }
        long size = parseSize(lines[1]);
        byte[] root = parseRoot(lines[2]);
        List<String> extensions = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
        if (extensions.stream().anyMatch(String::isEmpty)) {
            throw new MalformedNoteException("checkpoint has an empty extension line");
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }

    /**
     * Verifies a signed checkpoint note against the log's keys and parses it.
     *
     * @throws BadSignatureException if no trusted key signed it, or a trusted key's signature fails
     * @throws MalformedNoteException if it is not a well-formed checkpoint note
     */
    public static Checkpoint open(byte[] signedNote, Collection<? extends NoteVerifier> logKeys) {
        Note note = Note.parse(signedNote);
        note.verify(logKeys);
        return parse(note.text());
    }

    /** {@link #open(byte[], Collection)} with the keys given inline. */
    public static Checkpoint open(byte[] signedNote, NoteVerifier... logKeys) {
        return open(signedNote, List.of(logKeys));
    }

    /** Signs this checkpoint as a note. */
    public Note sign(NoteSigner... signers) {
        return Note.sign(toText(), signers);
    }

    /** The checkpoint note text, ending in a newline. */
    public String toText() {
        StringBuilder sb = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        for (String extension : extensions) {
            sb.append(extension).append('\n');
        }
        return sb.toString();
    }

    public byte[] toBytes() {
        return toText().getBytes(StandardCharsets.UTF_8);
    }

    public String origin() {
        return origin;
    }

    public long size() {
        return size;
    }

    public byte[] rootHash() {
        return rootHash.clone();
    }

    public List<String> extensions() {
        return extensions;
    }

    public TreeHead treeHead() {
        return new TreeHead(size, rootHash);
    }

    private static long parseSize(String line) {
        if (line.isEmpty() || line.length() > 19 || !line.chars().allMatch(c -> c >= '0' && c <= '9')
                || (line.length() > 1 && line.charAt(0) == '0')) {
            throw new MalformedNoteException("checkpoint size is not a decimal number without leading zeros: '" + line + "'");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new MalformedNoteException("checkpoint size out of range: " + line, e);
        }
    }

    private static byte[] parseRoot(String line) {
        byte[] root;
        try {
            root = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException("checkpoint root hash is not base64: '" + line + "'", e);
        }
        if (root.length != MerkleHasher.HASH_SIZE || !Base64.getEncoder().encodeToString(root).equals(line)) {
            throw new MalformedNoteException("checkpoint root hash is not canonical base64 of 32 bytes: '" + line + "'");
        }
        return root;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other && origin.equals(other.origin) && size == other.size
                && Arrays.equals(rootHash, other.rootHash) && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return toText();
    }
}
