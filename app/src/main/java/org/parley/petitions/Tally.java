package org.parley.petitions;

import java.time.Instant;

/** A petition's count and the SHA-256 of its sorted confirmed-signature ids, as put on the public record. */
public record Tally(long petitionId, int signatures, String sha256, String reason, Instant at) {
}
