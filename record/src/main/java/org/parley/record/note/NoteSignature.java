package org.parley.record.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.parley.record.MalformedNoteException;

/**
 * One signature line of a signed note: {@code — <key name> base64(key ID || signature)}, where the
 * dash is an em dash (U+2014).
 */
public final class NoteSignature {

    static final String PREFIX = "\u2014 ";

    private final String keyName;
    private final int keyId;
    private final byte[] signature;

    public NoteSignature(String keyName, int keyId, byte[] signature) {
        KeyStrings.requireValidName(keyName);
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0) {
            throw new IllegalArgumentException("empty signature");
        }
        this.keyName = keyName;
        this.keyId = keyId;
        this.signature = signature.clone();
    }

    /**
     * Parses one signature line, without its final newline.
     *
     * @throws MalformedNoteException if the line is not a well-formed signature line
     */
    public static NoteSignature parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new MalformedNoteException("signature line does not start with an em dash and a space: " + line);
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new MalformedNoteException("signature line has no space between key name and signature: " + line);
        }
        String name = rest.substring(0, space);
        String b64 = rest.substring(space + 1);
        if (!KeyStrings.isValidName(name)) {
            throw new MalformedNoteException("invalid key name in signature line: " + line);
        }
        byte[] decoded = KeyStrings.decodeBase64Strict(b64);
        if (decoded == null || decoded.length < 5) {
            throw new MalformedNoteException("signature line does not carry base64 of a key ID and a signature: " + line);
        }
        int keyId = ByteBuffer.wrap(decoded, 0, 4).getInt();
        return new NoteSignature(name, keyId, Arrays.copyOfRange(decoded, 4, decoded.length));
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return keyId;
    }

    /** The signature bytes after the 4-byte key ID. */
    public byte[] signature() {
        return signature.clone();
    }

    /** The signature line, without a final newline. */
    public String line() {
        byte[] encoded = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return PREFIX + keyName + " " + Base64.getEncoder().encodeToString(encoded);
    }

    boolean isBy(NoteVerifier verifier) {
        return keyName.equals(verifier.keyName()) && keyId == verifier.keyId();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature other && keyName.equals(other.keyName) && keyId == other.keyId
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line();
    }
}
