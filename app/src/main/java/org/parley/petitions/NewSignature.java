package org.parley.petitions;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A citizen's signature: name, email, region (oblast, state or country) and consent to be counted. */
public record NewSignature(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 254) String email,
                           @NotBlank @Size(max = 80) String region, @AssertTrue boolean consent) {
}
