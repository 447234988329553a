package org.parley.monitoring;

import java.time.Instant;

/** A party's claim as stored. Claimed and verified are never counted together. */
public record Claim(long id, long processId, long partyId, Instant observedFrom, Instant observedTo, double latitude, double longitude,
                    String admin1, Category category, Long accusedPartyId, String description, String evidence, String evidenceSha256,
                    ClaimStatus status, Long eventId, String decidedByName, String decisionReason, Instant decidedAt, Instant createdAt) {

    /** Public once observers have decided on it. */
    public boolean isPublic() {
        return status != ClaimStatus.CLAIMED;
    }
}
