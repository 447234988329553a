package org.parley.process;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewSession(
        @NotNull Long trackId,
        @NotBlank @Size(max = 200) String title,
        @NotNull Instant startsAt,
        Instant endsAt,
        @Size(max = 300) String place,
        @Size(max = 500) @org.hibernate.validator.constraints.URL String onlineUrl,
        @Size(max = 50) List<@NotBlank @Size(max = 300) String> agenda,
        Visibility minutesVisibility) {
}
