package org.parley.commitments;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A measure of a commitment: e.g. prisoners exchanged, 1,000 of 1,000. */
public record Indicator(long id, String name, String unit, BigDecimal target, BigDecimal current) {

    /** A new indicator. */
    public record Input(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String unit,
                        @NotNull @PositiveOrZero BigDecimal target) {
    }

    /** A reported value of an indicator. */
    public record Value(@NotNull Long indicatorId, @NotNull @PositiveOrZero BigDecimal value) {
    }
}
