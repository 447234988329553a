package org.parley.texts;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A whole draft as saved: every save is a new version with its author and reason. */
public record Draft(@NotBlank @Size(max = 300) String title, @Size(max = 8000) String preamble,
                    @NotNull @Valid List<DraftArticle> articles, @NotBlank @Size(max = 2000) String reason) {

    public Draft {
        preamble = preamble == null ? "" : preamble;
    }
}
