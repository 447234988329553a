package org.parley.hearings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A written submission before a hearing: plain text, in the writer's language. */
public record NewSubmission(@NotBlank @Size(max = Hearings.MAX_SUBMISSION) String body, @Pattern(regexp = "en|uk|ru") String language) {
}
