package org.parley.record.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Objects;

import org.parley.record.MalformedKeyException;

/**
 * Signs checkpoints as a witness, producing C2SP tlog-cosignature/v1 Ed25519 cosignatures
 * (signature type 0x04): a timestamped statement that, at that time, this was the largest
 * consistent tree the witness had seen for the log.
 *
 * <p>The signature bytes are {@code u64 timestamp || Ed25519 signature}, the timestamp in POSIX
 * seconds big-endian, over {@code "cosignature/v1\ntime <timestamp>\n" || checkpoint text}.
 */
public final class CosignatureSigner implements NoteSigner {

    private final String name;
    private final byte[] seed;
    private final byte[] publicKey;
    private final PrivateKey privateKey;
    private final int keyId;
    private final Clock clock;

    private CosignatureSigner(String name, byte[] seed, Clock clock) {
        KeyStrings.requireValidName(name);
        this.name = name;
        this.seed = seed.clone();
        this.publicKey = Ed25519.publicKeyFromSeed(seed);
        this.privateKey = Ed25519.privateKey(seed);
        this.keyId = KeyStrings.keyId(name, KeyStrings.COSIGNATURE_V1, publicKey);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new witness key with a random seed. */
    public static CosignatureSigner generate(String name, Clock clock) {
        return new CosignatureSigner(name, Ed25519.newSeed(), clock);
    }

    /**
     * Imports a witness private key {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(type || seed)>}.
     * Like transparency-dev/formats, it accepts a plain Ed25519 note key (type 0x01, the form
     * {@code note.GenerateKey} writes) as well as a cosignature key (type 0x04); either way the
     * cosignature key ID is computed with type 0x04, which domain-separates the two uses.
     */
    public static CosignatureSigner fromPrivateKey(String privateKey, Clock clock) {
        KeyStrings.Parsed parsed = KeyStrings.parsePrivateKey(privateKey);
        if (parsed.type() != KeyStrings.ED25519 && parsed.type() != KeyStrings.COSIGNATURE_V1) {
            throw new MalformedKeyException("private key for " + parsed.name() + " has signature type "
                    + parsed.type() + ", not Ed25519 (1) or cosignature/v1 (4)");
        }
        if (parsed.key().length != Ed25519.KEY_SIZE) {
            throw new MalformedKeyException("private key for " + parsed.name() + " is not a 32-byte Ed25519 seed");
        }
        CosignatureSigner signer = new CosignatureSigner(parsed.name(), parsed.key(), clock);
        int expected = KeyStrings.keyId(parsed.name(), parsed.type(), signer.publicKey);
        if (expected != parsed.claimedKeyId()) {
            throw new MalformedKeyException("private key for " + parsed.name() + " claims key ID "
                    + KeyStrings.hex(parsed.claimedKeyId()) + " but its key has ID " + KeyStrings.hex(expected));
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

    /** Cosigns checkpoint text at the clock's current second. */
    @Override
    public byte[] sign(byte[] text) {
        return sign(text, clock.instant().getEpochSecond());
    }

    /** Cosigns checkpoint text with an explicit POSIX timestamp. */
    public byte[] sign(byte[] text, long timestamp) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("cosignature timestamp must not be negative");
        }
        byte[] signature = Ed25519.sign(privateKey, signedMessage(timestamp, text));
        return ByteBuffer.allocate(8 + signature.length).putLong(timestamp).put(signature).array();
    }

    /** The private key string (type 0x04), to store in a secret. */
    public String privateKey() {
        return KeyStrings.formatPrivateKey(name, keyId, KeyStrings.COSIGNATURE_V1, seed);
    }

    /** The cosignature verifier key string (type 0x04) to publish. */
    public String verifierKey() {
        return KeyStrings.formatVerifierKey(name, KeyStrings.COSIGNATURE_V1, publicKey);
    }

    public CosignatureVerifier verifier() {
        return CosignatureVerifier.fromVerifierKey(verifierKey());
    }

    static byte[] signedMessage(long timestamp, byte[] text) {
        byte[] header = ("cosignature/v1\ntime " + Long.toUnsignedString(timestamp) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[header.length + text.length];
        System.arraycopy(header, 0, message, 0, header.length);
        System.arraycopy(text, 0, message, header.length, text.length);
        return message;
    }

    @Override
    public String toString() {
        return "CosignatureSigner[" + name + "+" + KeyStrings.hex(keyId) + "]";
    }
}
