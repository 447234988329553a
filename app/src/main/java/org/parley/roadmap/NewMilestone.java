package org.parley.roadmap;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A milestone to create or the new shape of an existing one. Which due fields are needed depends on {@code dueKind}. */
public record NewMilestone(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10000) String description,
        Long trackId,
        @NotNull DueKind dueKind,
        LocalDate dueDate,
        @Min(0) @Max(3650) Integer offsetAmount,
        OffsetUnit offsetUnit,
        Long anchorMilestoneId,
        @Size(max = 50) List<@NotNull Long> partyIds,
        @Size(max = 100) List<@NotNull Long> dependsOn) {
}
