package org.parley.texts;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A clause in a saved draft; {@code id} keeps an existing clause (and the positions on it), null makes a new one. */
public record DraftClause(Long id, @NotBlank @Size(max = 8000) String body, @Valid List<Alternative> alternatives) {

    public DraftClause {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
