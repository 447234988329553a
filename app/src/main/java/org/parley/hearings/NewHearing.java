package org.parley.hearings;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A hearing to schedule: a place, an online link (http or https) or both; addressed to a party of the process
 * or, with no {@code partyId}, to the mediator; linked petitions of the process and an optional consultation.
 */
public record NewHearing(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 10_000) String agenda, @NotNull Instant startsAt,
                         @Size(max = 300) String place, @Size(max = 500) String onlineUrl, Long partyId,
                         @NotNull @Min(1) @Max(100_000) Integer capacity, Boolean waitingList, Long consultationId,
                         @Size(max = 50) List<Long> petitionIds) {

    /** Whether a full hearing keeps a waiting list (the default) rather than refusing. */
    public boolean keepsWaitingList() {
        return !Boolean.FALSE.equals(waitingList);
    }
}
