package org.parley.texts;

import java.time.Instant;

/** A party's position on a clause; {@code current} is false when the clause changed after it was taken. */
public record Position(long clauseId, long partyId, Stance stance, String amendment, int onVersion, boolean current,
                       boolean shared, Instant updatedAt) {
}
