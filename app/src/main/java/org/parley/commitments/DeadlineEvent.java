package org.parley.commitments;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Something outside the commitments that deadlines may count from ("the withdrawal is verified complete"): named by
 * the mediator, and recorded once as having happened, with the date, a reason and evidence, by the mediator or an
 * observer. Until then the deadlines that hang on it are pending.
 */
public record DeadlineEvent(long id, long processId, String title, String description, LocalDate occurredOn, String reason,
                            String evidence, String evidenceSha256, String recorder, Instant recordedAt) {

    public boolean occurred() {
        return occurredOn != null;
    }

    public record Input(@NotBlank @Size(max = 300) String title, @Size(max = 2000) String description) {
    }

    /** That the event happened: when, why the recorder says so, and the evidence (its SHA-256 goes on the public record). */
    public record Occurrence(@NotNull LocalDate occurredOn, @NotBlank @Size(max = 2000) String reason,
                             @NotBlank @Size(max = 8000) String evidence) {
    }
}
