package org.parley.petitions;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The mediator's decision: publish, or reject with a reason (required). */
public record Moderation(@NotNull Boolean publish, @Size(max = 2000) String reason) {
}
