package org.parley.commitments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A row of the plan's tables, linked to a track and optionally to a commitment and one of its indicators, so that
 * the anticipated impact stands beside what is measured.
 */
public record PlanItem(long id, PlanKind kind, String title, String expected, Long trackId, Long commitmentId, Long indicatorId) {

    public record Input(@NotNull PlanKind kind, @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 1000) String expected,
                        Long trackId, Long commitmentId, Long indicatorId) {
    }
}
