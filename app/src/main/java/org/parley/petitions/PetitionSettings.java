package org.parley.petitions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A process's petition rules: supporters needed before moderation, how long a petition stays open, the
 * response threshold (signatures) and the days the addressees then have to respond, the hearing threshold,
 * and the signing rate limits per IP address and per /24 subnet within a window, per petition.
 */
public record PetitionSettings(@Min(1) @Max(1000) int supportersNeeded, @Min(1) @Max(3650) int openDays,
                               @Min(1) @Max(100_000_000) int responseThreshold, @Min(1) @Max(365) int responseDays,
                               @Min(1) @Max(100_000_000) int hearingThreshold, @Min(1) @Max(1_000_000) int rateLimitIp,
                               @Min(1) @Max(1_000_000) int rateLimitSubnet, @Min(1) @Max(10_080) int rateWindowMinutes) {

    static final PetitionSettings DEFAULTS = new PetitionSettings(5, 180, 10_000, 30, 100_000, 20, 200, 60);
}
