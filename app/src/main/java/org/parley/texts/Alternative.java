package org.parley.texts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One bracketed alternative of a clause, as proposed by a party. */
public record Alternative(@NotBlank @Size(max = 2000) String body, @NotNull Long partyId) {
}
