package org.parley.process;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a session produced, recorded after it: who attended, the outcome, minutes, follow-up actions and who may read them. */
public record SessionOutcome(
        @Size(max = 50) List<@Valid AttendanceLine> attendance,
        @Size(max = 20000) String outcome,
        @Size(max = 100000) String minutes,
        @NotNull Visibility minutesVisibility,
        @Size(max = 100) List<@Valid ActionLine> actions) {

    public record AttendanceLine(@NotNull Long partyId, @Size(max = 1000) String delegates) {
    }

    public record ActionLine(@NotBlank @Size(max = 1000) String description, Long responsiblePartyId, LocalDate dueDate) {
    }
}
