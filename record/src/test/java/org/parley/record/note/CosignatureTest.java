package org.parley.record.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.record.BadSignatureException;
import org.parley.record.Checkpoint;

class CosignatureTest {

    private static final String CHECKPOINT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_679_315_147L), ZoneOffset.UTC);

    @Test
    void cosignatureRoundTrips() {
        Ed25519Signer log = Ed25519Signer.generate("example.com/behind-the-sofa");
        CosignatureSigner witness = CosignatureSigner.generate("witness.example.com/w1", CLOCK);
        Note cosigned = Note.sign(CHECKPOINT, log).withSignatures(witness);
        Note parsed = Note.parse(cosigned.toBytes());
        List<NoteSignature> verified = parsed.verify(witness.verifier());
        assertEquals(1, verified.size());
        assertEquals(1_679_315_147L, CosignatureVerifier.timestamp(verified.get(0)).orElseThrow());
        // 4-byte key ID, 8-byte timestamp, 64-byte signature.
        assertEquals(72, verified.get(0).signature().length);
        parsed.verify(log.verifier());
        Checkpoint.open(cosigned.toBytes(), log.verifier(), witness.verifier());
    }

    @Test
    void signedMessageIsTheSpecifiedOne() {
        byte[] message = CosignatureSigner.signedMessage(1_679_315_147L, CHECKPOINT.getBytes(StandardCharsets.UTF_8));
        assertEquals("cosignature/v1\ntime 1679315147\n" + CHECKPOINT, new String(message, StandardCharsets.UTF_8));
    }

    @Test
    void cosignatureOverTamperedCheckpointIsRejected() {
        CosignatureSigner witness = CosignatureSigner.generate("witness.example.com/w1", CLOCK);
        Note cosigned = Note.sign(CHECKPOINT, witness);
        String tampered = cosigned.toString().replace("20852163", "20852164");
        assertThrows(BadSignatureException.class, () -> Note.parse(tampered).verify(witness.verifier()));
    }

    @Test
    void changedTimestampBreaksTheSignature() {
        CosignatureSigner witness = CosignatureSigner.generate("witness.example.com/w1", CLOCK);
        byte[] text = CHECKPOINT.getBytes(StandardCharsets.UTF_8);
        byte[] sig = witness.sign(text);
        assertTrue(witness.verifier().verify(text, sig));
        sig[7] ^= 1;
        assertFalse(witness.verifier().verify(text, sig));
    }

    @Test
    void cosignatureIsNotAPlainNoteSignature() {
        // Domain separation: the same Ed25519 key as a log key cannot vouch for a cosignature,
        // and the other way round.
        Ed25519Signer plain = Ed25519Signer.fromPrivateKey(NoteTest.PETER_SKEY);
        CosignatureSigner cosigner = CosignatureSigner.fromPrivateKey(NoteTest.PETER_SKEY, CLOCK);
        Note cosigned = Note.sign(CHECKPOINT, cosigner);
        assertThrows(BadSignatureException.class, () -> cosigned.verify(plain.verifier()));
        Note plainSigned = Note.sign(CHECKPOINT, plain);
        assertThrows(BadSignatureException.class, () -> plainSigned.verify(cosigner.verifier()));
    }

    @Test
    void extensionLinesAreCovered() {
        CosignatureSigner witness = CosignatureSigner.generate("w", CLOCK);
        Note cosigned = Note.sign(CHECKPOINT + "Extendo\n", witness);
        String tampered = cosigned.toString().replace("Extendo", "Extend@");
        assertThrows(BadSignatureException.class, () -> Note.parse(tampered).verify(witness.verifier()));
    }
}
