package org.parley.record.note;

/**
 * A key that signs note text. The key name and key ID go into the signature line; together they
 * tell verifiers which key to check the signature with.
 */
public interface NoteSigner {

    String keyName();

    /** The 32-bit key ID, written big-endian before the signature bytes. */
    int keyId();

    /** Signs the note text (including its final newline) and returns the signature bytes. */
    byte[] sign(byte[] text);
}
