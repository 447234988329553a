package org.parley.texts;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new negotiating text on a track, with the parties that must accept and sign it. */
public record NewText(@NotNull Long trackId, @NotBlank @Size(max = 300) String title, @Size(max = 8000) String preamble,
                      @NotNull TextVisibility visibility, @NotEmpty List<Long> signatoryIds, @Valid List<DraftArticle> articles) {

    public NewText {
        preamble = preamble == null ? "" : preamble;
        articles = articles == null ? List.of() : List.copyOf(articles);
    }
}
