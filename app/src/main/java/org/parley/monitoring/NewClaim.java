package org.parley.monitoring;

import java.time.Instant;

/** A party's claimed violation, with its evidence. It stays claimed until observers verify or refute it. */
public record NewClaim(Instant observedFrom, Instant observedTo, Double latitude, Double longitude, String category,
                       Long accusedPartyId, String description, String evidence) {
}
