package org.parley.texts;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An article in a saved draft; {@code id} keeps an existing article, null makes a new one. */
public record DraftArticle(Long id, @NotBlank @Size(max = 500) String heading, @Valid List<DraftClause> clauses) {

    public DraftArticle {
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
    }
}
