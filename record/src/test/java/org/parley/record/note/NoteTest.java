package org.parley.record.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.record.BadSignatureException;
import org.parley.record.MalformedNoteException;

/** Signed notes, against the vectors of Go's golang.org/x/mod/sumdb/note. */
class NoteTest {

    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void signingReproducesTheGoNote() {
        Note note = Note.sign(TEXT, Ed25519Signer.fromPrivateKey(PETER_SKEY));
        assertEquals(TEXT + "\n" + PETER_SIG, note.toString());
        assertEquals(TEXT + "\n" + PETER_SIG, new String(note.toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void signerDerivesThePublishedVerifierKey() {
        Ed25519Signer signer = Ed25519Signer.fromPrivateKey(PETER_SKEY);
        assertEquals(PETER_VKEY, signer.verifierKey());
        assertEquals(0xc74f20a3, signer.keyId());
        assertEquals("PeterNeumann", signer.keyName());
    }

    @Test
    void unknownSignersAreIgnoredAndKnownOnesReturned() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertEquals(TEXT, note.text());
        assertEquals(2, note.signatures().size());
        List<NoteSignature> verified = note.verify(Ed25519Verifier.fromVerifierKey(PETER_VKEY));
        assertEquals(List.of(NoteSignature.parse(PETER_SIG.strip())), verified);
        List<NoteSignature> both = note.verify(Ed25519Verifier.fromVerifierKey(PETER_VKEY),
                Ed25519Verifier.fromVerifierKey(ENOCH_VKEY));
        assertEquals(2, both.size());
    }

    @Test
    void noteWithoutTrustedSignatureIsRejected() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertThrows(BadSignatureException.class, () -> note.verify(List.of()));
        Ed25519Verifier stranger = Ed25519Signer.generate("PeterNeumann").verifier();
        // Same name, different key ID: an unknown key, so still no trusted signature.
        assertThrows(BadSignatureException.class, () -> note.verify(stranger));
    }

    @Test
    void invalidSignatureFromKnownKeyRejectsTheNote() {
        String mangled = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        Note note = Note.parse(TEXT + "\n" + mangled + ENOCH_SIG);
        BadSignatureException e = assertThrows(BadSignatureException.class,
                () -> note.verify(Ed25519Verifier.fromVerifierKey(PETER_VKEY), Ed25519Verifier.fromVerifierKey(ENOCH_VKEY)));
        assertTrue(e.getMessage().contains("PeterNeumann"), e.getMessage());
    }

    @Test
    void tamperedTextIsRejected() {
        String tampered = TEXT.replace("answer", "Answer") + "\n" + PETER_SIG;
        assertThrows(BadSignatureException.class,
                () -> Note.parse(tampered).verify(Ed25519Verifier.fromVerifierKey(PETER_VKEY)));
    }

    @Test
    void repeatedIdenticalSignaturesCollapse() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG);
        assertEquals(2, note.signatures().size());
        assertEquals(1, note.verify(Ed25519Verifier.fromVerifierKey(PETER_VKEY)).size());
    }

    @Test
    void malformedNotesAreRejected() {
        List<byte[]> bad = new ArrayList<>();
        bad.add(TEXT.getBytes(StandardCharsets.UTF_8));
        bad.add((TEXT + "\n").getBytes(StandardCharsets.UTF_8));
        bad.add((TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1)).getBytes(StandardCharsets.UTF_8));
        bad.add(("\u0001" + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8));
        byte[] invalidUtf8 = ("?" + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        invalidUtf8[0] = (byte) 0xff;
        bad.add(invalidUtf8);
        bad.add((TEXT + "\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
                .getBytes(StandardCharsets.UTF_8));
        bad.add((TEXT + "\n" + PETER_SIG + "Unexpected line.\n").getBytes(StandardCharsets.UTF_8));
        bad.add((TEXT + "\n" + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
                .getBytes(StandardCharsets.UTF_8));
        bad.add((TEXT + "\n" + "\u2014 PeterNeumann x08go\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder many = new StringBuilder(TEXT + "\n");
        for (int i = 0; i < 101; i++) {
            Note n = Note.sign(TEXT, Ed25519Signer.generate("k" + i));
            many.append(n.signatures().get(0).line()).append('\n');
        }
        bad.add(many.toString().getBytes(StandardCharsets.UTF_8));
        for (byte[] message : bad) {
            assertThrows(MalformedNoteException.class, () -> Note.parse(message),
                    new String(message, StandardCharsets.UTF_8));
        }
    }

    @Test
    void textMayContainBlankLines() {
        Ed25519Signer signer = Ed25519Signer.generate("example.com/notary");
        Note note = Note.sign("first\n\nthird\n", signer);
        Note parsed = Note.parse(note.toBytes());
        assertEquals("first\n\nthird\n", parsed.text());
        parsed.verify(signer.verifier());
    }

    @Test
    void addingASignatureKeepsOthersAndReplacesTheSameKey() {
        Ed25519Signer log = Ed25519Signer.fromPrivateKey(PETER_SKEY);
        Ed25519Signer other = Ed25519Signer.generate("example.com/other");
        Note note = Note.sign(TEXT, log).withSignatures(other).withSignatures(other);
        assertEquals(2, note.signatures().size());
        assertEquals(2, Note.parse(note.toBytes()).verify(log.verifier(), other.verifier()).size());
    }

    @Test
    void textMustEndInNewline() {
        Ed25519Signer signer = Ed25519Signer.generate("x");
        assertThrows(MalformedNoteException.class, () -> Note.sign("abc", signer));
        assertThrows(MalformedNoteException.class, () -> Note.sign("", signer));
        assertThrows(MalformedNoteException.class, () -> Note.sign("a\tb\n", signer));
    }
}
