package org.parley.record.note;

import java.security.InvalidKeyException;
import java.security.PublicKey;

import org.parley.record.MalformedKeyException;

/** Verifies Ed25519 signed-note signatures (signature type 0x01) from one trusted public key. */
public final class Ed25519Verifier implements NoteVerifier {

    private final String name;
    private final int keyId;
    private final PublicKey publicKey;
    private final String verifierKey;

    private Ed25519Verifier(String name, int keyId, PublicKey publicKey, String verifierKey) {
        this.name = name;
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.verifierKey = verifierKey;
    }

    /**
     * Parses a verifier key {@code <name>+<hex key ID>+<base64(0x01 || public key)>}.
     *
     * @throws MalformedKeyException if it is not one, or its key ID does not match the key
     */
    public static Ed25519Verifier fromVerifierKey(String verifierKey) {
        KeyStrings.Parsed parsed = KeyStrings.parseVerifierKey(verifierKey);
        if (parsed.type() != KeyStrings.ED25519) {
            throw new MalformedKeyException("verifier key " + parsed.name() + " has signature type " + parsed.type()
                    + ", not Ed25519 (1)");
        }
        return new Ed25519Verifier(parsed.name(), checkedKeyId(parsed, KeyStrings.ED25519),
                checkedPublicKey(parsed), verifierKey.strip());
    }

    static int checkedKeyId(KeyStrings.Parsed parsed, byte type) {
        int actual = KeyStrings.keyId(parsed.name(), type, parsed.key());
        if (actual != parsed.claimedKeyId()) {
            throw new MalformedKeyException("verifier key " + parsed.name() + " claims key ID "
                    + KeyStrings.hex(parsed.claimedKeyId()) + " but its key has ID " + KeyStrings.hex(actual));
        }
        return actual;
    }

    static PublicKey checkedPublicKey(KeyStrings.Parsed parsed) {
        if (parsed.key().length != Ed25519.KEY_SIZE) {
            throw new MalformedKeyException("verifier key " + parsed.name() + " is not a 32-byte Ed25519 key");
        }
        try {
            return Ed25519.publicKey(parsed.key());
        } catch (InvalidKeyException e) {
            throw new MalformedKeyException("verifier key " + parsed.name() + " is not a valid Ed25519 point", e);
        }
    }

    @Override
    public String keyName() {
        return name;
    }

    @Override
    public int keyId() {
        return keyId;
    }

    @Override
    public boolean verify(byte[] text, byte[] signature) {
        return Ed25519.verify(publicKey, text, signature);
    }

    /** The verifier key string this verifier was made from. */
    public String verifierKey() {
        return verifierKey;
    }

    @Override
    public String toString() {
        return "Ed25519Verifier[" + name + "+" + KeyStrings.hex(keyId) + "]";
    }
}
