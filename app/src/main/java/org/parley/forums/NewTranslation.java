package org.parley.forums;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A moderator's translation of a post (and, on an opening post, of its thread's title). */
public record NewTranslation(@Size(max = 200) String title, @NotBlank @Size(max = Forums.MAX_BODY) String body) {
}
