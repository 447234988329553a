package org.parley.record.note;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.OptionalLong;

import org.parley.record.MalformedKeyException;

/** Verifies C2SP tlog-cosignature/v1 Ed25519 cosignatures from one trusted witness key. */
public final class CosignatureVerifier implements NoteVerifier {

    private static final int SIGNATURE_SIZE = 8 + Ed25519.SIGNATURE_SIZE;

    private final String name;
    private final int keyId;
    private final PublicKey publicKey;

    private CosignatureVerifier(String name, int keyId, PublicKey publicKey) {
        this.name = name;
        this.keyId = keyId;
        this.publicKey = publicKey;
    }

    /**
     * Parses a witness verifier key. Type 0x04 is the cosignature key proper; a plain Ed25519 key
     * (type 0x01) is accepted and treated as type 0x04, as transparency-dev/formats does, so its
     * key ID is recomputed with 0x04 and differs from the one in the string.
     */
    public static CosignatureVerifier fromVerifierKey(String verifierKey) {
        KeyStrings.Parsed parsed = KeyStrings.parseVerifierKey(verifierKey);
        if (parsed.type() != KeyStrings.ED25519 && parsed.type() != KeyStrings.COSIGNATURE_V1) {
            throw new MalformedKeyException("verifier key " + parsed.name() + " has signature type " + parsed.type()
                    + ", not cosignature/v1 (4) or Ed25519 (1)");
        }
        Ed25519Verifier.checkedKeyId(parsed, parsed.type());
        return new CosignatureVerifier(parsed.name(), KeyStrings.keyId(parsed.name(), KeyStrings.COSIGNATURE_V1, parsed.key()),
                Ed25519Verifier.checkedPublicKey(parsed));
    }

    /**
     * The timestamp of a cosignature line, if it has the cosignature/v1 shape. This says nothing
     * about validity: only use it for signatures a verifier accepted.
     */
    public static OptionalLong timestamp(NoteSignature signature) {
        byte[] sig = signature.signature();
        if (sig.length != SIGNATURE_SIZE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ByteBuffer.wrap(sig, 0, 8).getLong());
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
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        long timestamp = ByteBuffer.wrap(signature, 0, 8).getLong();
        if (timestamp < 0) {
            return false;
        }
        return Ed25519.verify(publicKey, CosignatureSigner.signedMessage(timestamp, text),
                Arrays.copyOfRange(signature, 8, signature.length));
    }

    @Override
    public String toString() {
        return "CosignatureVerifier[" + name + "+" + KeyStrings.hex(keyId) + "]";
    }
}
