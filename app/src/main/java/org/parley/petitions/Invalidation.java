package org.parley.petitions;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A bulk invalidation: every signature of the petition from a domain, an IP address, a /24 subnet, a region,
 * or signed within a time range ({@code from} inclusive, {@code to} exclusive). Invalidated signatures stay
 * recorded; counts follow.
 */
public record Invalidation(@NotNull Kind kind, @Size(max = 254) String value, Instant from, Instant to,
                           @NotBlank @Size(max = 2000) String reason) {

    public enum Kind { DOMAIN, IP, SUBNET, REGION, TIME_RANGE }

    /** A past invalidation as the mediator sees it. */
    public record Done(long id, Kind kind, String value, String reason, int affected, Instant at) {
    }
}
