package org.parley.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.record.note.Ed25519Signer;

class CheckpointTest {

    private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    @Test
    void parsesAndFormatsTheSpecExample() {
        String text = "example.com/behind-the-sofa\n20852163\n" + ROOT + "\n";
        Checkpoint checkpoint = Checkpoint.parse(text);
        assertEquals("example.com/behind-the-sofa", checkpoint.origin());
        assertEquals(20852163L, checkpoint.size());
        assertArrayEquals(Base64.getDecoder().decode(ROOT), checkpoint.rootHash());
        assertEquals(List.of(), checkpoint.extensions());
        assertEquals(text, checkpoint.toText());
    }

    @Test
    void keepsExtensionLines() {
        String text = "o\n0\n" + ROOT + "\nfirst ext\nsecond\n";
        Checkpoint checkpoint = Checkpoint.parse(text);
        assertEquals(List.of("first ext", "second"), checkpoint.extensions());
        assertEquals(text, checkpoint.toText());
    }

    @Test
    void rejectsAnythingNonCanonical() {
        List<String> bad = List.of(
                "o\n1\n" + ROOT,                       // no final newline
                "o\n1\n",                              // no root
                "\n1\n" + ROOT + "\n",                 // empty origin
                "o\n01\n" + ROOT + "\n",               // leading zero
                "o\n+1\n" + ROOT + "\n",               // sign
                "o\n-1\n" + ROOT + "\n",
                "o\n 1\n" + ROOT + "\n",
                "o\n99999999999999999999\n" + ROOT + "\n", // beyond 2^63
                "o\n1\n" + ROOT.replace("=", "") + "\n",   // unpadded
                "o\n1\nAAAA\n",                            // not 32 bytes
                "o\n1\n" + ROOT + "\n\n",                  // empty extension line
                "o\n1\n" + ROOT + " \n");                  // trailing space
        for (String text : bad) {
            assertThrows(MalformedNoteException.class, () -> Checkpoint.parse(text), text);
        }
    }

    @Test
    void openVerifiesTheLogSignature() {
        Ed25519Signer log = Ed25519Signer.generate("example.com/log");
        Checkpoint checkpoint = new Checkpoint("example.com/log", 5, Base64.getDecoder().decode(ROOT), List.of());
        byte[] signed = checkpoint.sign(log).toBytes();
        assertEquals(checkpoint, Checkpoint.open(signed, log.verifier()));
        assertThrows(BadSignatureException.class,
                () -> Checkpoint.open(signed, Ed25519Signer.generate("example.com/log").verifier()));
        byte[] tampered = new String(signed).replace("\n5\n", "\n6\n").getBytes();
        assertThrows(BadSignatureException.class, () -> Checkpoint.open(tampered, log.verifier()));
    }
}
