package org.parley.feedback;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An answer with an optional plain-text comment. */
public record NewFeedback(@NotNull Answer answer, @Size(max = Feedback.MAX_COMMENT) String comment) {
}
