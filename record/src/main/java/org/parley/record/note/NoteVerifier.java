package org.parley.record.note;

/** A trusted public key that checks note signatures made under its key name and key ID. */
public interface NoteVerifier {

    String keyName();

    int keyId();

    /** Whether {@code signature} (without the key ID prefix) is valid over {@code text}. */
    boolean verify(byte[] text, byte[] signature);
}
