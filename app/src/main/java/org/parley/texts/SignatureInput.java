package org.parley.texts;

import jakarta.validation.constraints.Size;

/**
 * A signatory delegate's signature. Optionally the party's own Ed25519 signed note (C2SP signed-note format)
 * over {@link Texts#signingStatement}, with the verifier key to check it by.
 */
public record SignatureInput(@Size(max = 500) String verifierKey, @Size(max = 4000) String signedNote) {
}
