package org.parley.petitions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An addressed party's (or the mediator's) written response to a petition. */
public record NewResponse(@NotBlank @Size(max = 10_000) String body) {
}
