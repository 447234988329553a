package org.parley.texts;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment on a text or one of its clauses. */
public record Comment(long id, Long clauseId, String author, String body, Instant at) {

    /** What a commenter sends. */
    public record Input(Long clauseId, @NotBlank @Size(max = 4000) String body) {
    }
}
