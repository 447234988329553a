package org.parley.commitments;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A row of the plan's tables (an objective and its proposed initiative, a strategy and its anticipated impact, a
 * collaboration area and its potential outcome, a confidence-building measure), linked to tracks, commitments and
 * indicators of those commitments, so that what the plan expects stands beside what is measured.
 */
public record PlanItem(long id, PlanKind kind, String title, String expected, List<Long> trackIds, List<Long> commitmentIds,
                       List<Long> indicatorIds) {

    public record Input(@NotNull PlanKind kind, @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 1000) String expected,
                        List<Long> trackIds, List<Long> commitmentIds, List<Long> indicatorIds) {

        public Input {
            trackIds = trackIds == null ? List.of() : trackIds.stream().distinct().toList();
            commitmentIds = commitmentIds == null ? List.of() : commitmentIds.stream().distinct().toList();
            indicatorIds = indicatorIds == null ? List.of() : indicatorIds.stream().distinct().toList();
        }
    }
}
