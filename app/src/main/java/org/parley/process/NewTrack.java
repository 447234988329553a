package org.parley.process;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewTrack(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) String description,
        Long chairAccountId,
        @NotNull @Size(min = 2, max = 100, message = "{track.parties.size}") List<Long> partyIds) {
}
