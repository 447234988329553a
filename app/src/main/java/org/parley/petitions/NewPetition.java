package org.parley.petitions;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A citizen's new petition: addressed to the mediator and/or parties of the process. */
public record NewPetition(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 6000) String body,
                          @NotBlank @Size(max = 120) String creatorName, @NotBlank @Size(max = 254) String email,
                          boolean toMediator, @Size(max = 20) List<Long> partyIds,
                          @Pattern(regexp = "en|uk|ru") String language) {
}
