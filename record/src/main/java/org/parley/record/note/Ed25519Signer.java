package org.parley.record.note;

import java.security.PrivateKey;

import org.parley.record.MalformedKeyException;

/**
 * An Ed25519 signed-note signer (signature type 0x01), as a log uses to sign its checkpoints.
 * Ed25519 is deterministic, so the same key and text always give the same signature.
 */
public final class Ed25519Signer implements NoteSigner {

    private final String name;
    private final byte[] seed;
    private final byte[] publicKey;
    private final PrivateKey privateKey;
    private final int keyId;

    private Ed25519Signer(String name, byte[] seed) {
        KeyStrings.requireValidName(name);
        this.name = name;
        this.seed = seed.clone();
        this.publicKey = Ed25519.publicKeyFromSeed(seed);
        this.privateKey = Ed25519.privateKey(seed);
        this.keyId = KeyStrings.keyId(name, KeyStrings.ED25519, publicKey);
    }

    /** A new key with a random seed. */
    public static Ed25519Signer generate(String name) {
        return new Ed25519Signer(name, Ed25519.newSeed());
    }

    /**
     * Imports a private key in the Go {@code golang.org/x/mod/sumdb/note} format,
     * {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>}.
     *
     * @throws MalformedKeyException if it is not one, or its key ID does not match the key
     */
    public static Ed25519Signer fromPrivateKey(String privateKey) {
        KeyStrings.Parsed parsed = KeyStrings.parsePrivateKey(privateKey);
        if (parsed.type() != KeyStrings.ED25519) {
            throw new MalformedKeyException("private key for " + parsed.name() + " has signature type "
                    + parsed.type() + ", not Ed25519 (1)");
        }
        if (parsed.key().length != Ed25519.KEY_SIZE) {
            throw new MalformedKeyException("private key for " + parsed.name() + " is not a 32-byte Ed25519 seed");
        }
        Ed25519Signer signer = new Ed25519Signer(parsed.name(), parsed.key());
        if (signer.keyId != parsed.claimedKeyId()) {
            throw new MalformedKeyException("private key for " + parsed.name() + " claims key ID "
                    + KeyStrings.hex(parsed.claimedKeyId()) + " but its key has ID " + KeyStrings.hex(signer.keyId));
        }
        return signer;
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
    public byte[] sign(byte[] text) {
        return Ed25519.sign(privateKey, text);
    }

    /** The private key string, to store in a secret. */
    public String privateKey() {
        return KeyStrings.formatPrivateKey(name, keyId, KeyStrings.ED25519, seed);
    }

    /** The verifier key string to publish. */
    public String verifierKey() {
        return KeyStrings.formatVerifierKey(name, KeyStrings.ED25519, publicKey);
    }

    /** The matching verifier. */
    public Ed25519Verifier verifier() {
        return Ed25519Verifier.fromVerifierKey(verifierKey());
    }

    @Override
    public String toString() {
        return "Ed25519Signer[" + name + "+" + KeyStrings.hex(keyId) + "]";
    }
}
