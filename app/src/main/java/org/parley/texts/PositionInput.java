package org.parley.texts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A party's stance on a clause; an amendment carries its proposed text. */
public record PositionInput(@NotNull Long clauseId, @NotNull Stance stance, @Size(max = 8000) String amendment) {
}
