package org.parley.commitments;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A level on the PAM scale (0 not initiated … 3 complete), always with a reason and evidence; optionally indicator values. */
public record LevelInput(@NotNull @Min(0) @Max(3) Integer level, @NotBlank @Size(max = 2000) String reason,
                         @NotBlank @Size(max = 8000) String evidence, @Valid List<Indicator.Value> indicators) {

    public LevelInput {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
