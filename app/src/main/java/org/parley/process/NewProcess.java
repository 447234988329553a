package org.parley.process;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewProcess(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) String description,
        @NotNull LocalDate startDate,
        ProcessStatus status,
        @NotEmpty @Size(max = 3) List<@Pattern(regexp = "en|uk|ru", message = "{process.language.unsupported}") String> languages) {
}
