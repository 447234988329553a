package org.parley.record.note;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.parley.record.MalformedKeyException;

class KeysTest {

    @Test
    void everyManglingOfAVerifierKeyIsRejected() {
        // As Go's TestNewVerifier: remove any substring and the key must no longer parse.
        String vkey = NoteTest.PETER_VKEY;
        assertDoesNotThrow(() -> Ed25519Verifier.fromVerifierKey(vkey));
        for (int i = 0; i <= vkey.length(); i++) {
            for (int j = i + 1; j <= vkey.length(); j++) {
                if (i == 0 && j == vkey.length()) {
                    continue;
                }
                String mangled = vkey.substring(0, i) + vkey.substring(j);
                assertThrows(RuntimeException.class, () -> Ed25519Verifier.fromVerifierKey(mangled), mangled);
            }
        }
    }

    @Test
    void wrongKeyIdIsRejected() {
        assertThrows(MalformedKeyException.class,
                () -> Ed25519Verifier.fromVerifierKey("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        assertThrows(MalformedKeyException.class,
                () -> Ed25519Signer.fromPrivateKey("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"));
        assertThrows(MalformedKeyException.class, () -> Ed25519Verifier.fromVerifierKey("bad name+c74f20a3+ARpc"));
        assertThrows(MalformedKeyException.class, () -> Ed25519Signer.fromPrivateKey(NoteTest.PETER_VKEY));
    }

    @Test
    void generatedKeysRoundTripThroughTheirStrings() {
        Ed25519Signer signer = Ed25519Signer.generate("parley.example/log");
        Ed25519Signer imported = Ed25519Signer.fromPrivateKey(signer.privateKey());
        assertEquals(signer.verifierKey(), imported.verifierKey());
        assertEquals(signer.keyId(), Ed25519Verifier.fromVerifierKey(signer.verifierKey()).keyId());
        assertNotEquals(signer.verifierKey(), Ed25519Signer.generate("parley.example/log").verifierKey());
    }

    @Test
    void cosignatureKeyIdsUseTypeFour() {
        // Vectors from transparency-dev/formats: a type 0x01 key and a native type 0x04 key.
        CosignatureVerifier fromPlain = CosignatureVerifier.fromVerifierKey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6");
        Ed25519Verifier plain = Ed25519Verifier.fromVerifierKey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6");
        assertNotEquals(plain.keyId(), fromPlain.keyId());
        CosignatureVerifier remora = CosignatureVerifier.fromVerifierKey("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
        assertEquals(0xda77ade7, remora.keyId());
        assertThrows(MalformedKeyException.class,
                () -> CosignatureVerifier.fromVerifierKey("remora.n621.de+da77ade8+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"));
        assertThrows(MalformedKeyException.class,
                () -> Ed25519Verifier.fromVerifierKey("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"));
    }

    @Test
    void witnessKeysImportFromPlainNoteKeys() {
        Ed25519Signer plain = Ed25519Signer.fromPrivateKey(NoteTest.PETER_SKEY);
        CosignatureSigner cosigner = CosignatureSigner.fromPrivateKey(NoteTest.PETER_SKEY, Clock.systemUTC());
        assertNotEquals(plain.keyId(), cosigner.keyId());
        assertEquals(cosigner.keyId(), CosignatureVerifier.fromVerifierKey(NoteTest.PETER_VKEY).keyId());
        CosignatureSigner again = CosignatureSigner.fromPrivateKey(cosigner.privateKey(), Clock.systemUTC());
        assertEquals(cosigner.verifierKey(), again.verifierKey());
    }
}
