package org.parley.forums;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new thread: what it is about, a plain-text title and the opening post (rich text). */
public record NewThread(@NotNull ForumSubject subjectKind, @NotNull Long subjectId, @NotBlank @Size(max = 200) String title,
                        @NotBlank @Size(max = Forums.MAX_BODY) String body, @Pattern(regexp = "en|uk|ru") String language, Boolean follow) {

    public boolean following() {
        return Boolean.TRUE.equals(follow);
    }
}
