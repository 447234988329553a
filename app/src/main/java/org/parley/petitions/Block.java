package org.parley.petitions;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A block on signing and creating petitions in a process: an email address, a whole domain, or an IP address. */
public record Block(Long id, @NotNull Kind kind, @NotBlank @Size(max = 254) String value, @NotBlank @Size(max = 500) String reason,
                    Instant createdAt) {

    public enum Kind { EMAIL, DOMAIN, IP }
}
