package org.parley.roadmap;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request to move a milestone to another status, with the reason and the evidence for it. */
public record StatusChange(
        @NotNull MilestoneStatus status,
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 4000) String evidence,
        LocalDate effectiveOn) {
}
