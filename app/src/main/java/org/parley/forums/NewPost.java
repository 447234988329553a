package org.parley.forums;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A reply (rich text); {@code follow} subscribes its author to the thread. */
public record NewPost(@NotBlank @Size(max = Forums.MAX_BODY) String body, @Pattern(regexp = "en|uk|ru") String language, Boolean follow) {

    public boolean following() {
        return Boolean.TRUE.equals(follow);
    }
}
