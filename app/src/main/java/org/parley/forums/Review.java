package org.parley.forums;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A moderator's decision on a reported post: restore it (its reports are cleared) or remove it (a reason is required). */
public record Review(@NotNull Decision decision, @Size(max = 1000) String reason) {

    public enum Decision { RESTORE, REMOVE }
}
