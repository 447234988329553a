package org.parley.commitments;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A commitment from a clause of an adopted text. The deadline is {@code dueDate} (FIXED) or {@code offsetDays} after
 * what the kind names: entry into force, or the anchor commitment, milestone or event. On an update, indicators with an
 * id are kept (their measured values with them), those without are added, and those left out are removed.
 */
public record NewCommitment(@NotNull Long textId, @NotNull Long clauseId, @NotBlank @Size(max = 2000) String action,
                            @NotNull Theme theme, @NotEmpty List<Long> partyIds, @NotNull DeadlineKind deadlineKind,
                            LocalDate dueDate, @Min(0) Integer offsetDays, Long anchorCommitmentId, Long anchorMilestoneId,
                            Long anchorEventId, @Valid List<Indicator.Input> indicators) {

    public NewCommitment {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
