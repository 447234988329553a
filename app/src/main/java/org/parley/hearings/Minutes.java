package org.parley.hearings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What was said (minutes) and what came of it (outcome), recorded once the hearing has taken place. */
public record Minutes(@NotBlank @Size(max = 50_000) String minutes, @NotBlank @Size(max = 10_000) String outcome) {
}
