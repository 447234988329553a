package org.parley.texts;

import java.time.Instant;

/** A signatory's signature of an adopted text: who signed, when, and optionally the party's own Ed25519 signed note over the hash. */
public record Signature(long partyId, String signer, Instant signedAt, String verifierKey, String signedNote) {
}
