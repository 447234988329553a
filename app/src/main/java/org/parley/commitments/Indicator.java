package org.parley.commitments;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A measure of a commitment, e.g. prisoners exchanged, 1,000 of 1,000: the value the responsible party last reported
 * ({@code current}) and the one an observer last verified ({@code verified}, null until then).
 */
public record Indicator(long id, String name, String unit, BigDecimal target, BigDecimal current, BigDecimal verified) {

    /** How far the reported value is towards the target, in percent (0–100; 100 for a target of 0). */
    public int percent() {
        if (target.signum() == 0) {
            return 100;
        }
        return current.multiply(BigDecimal.valueOf(100)).divide(target, java.math.RoundingMode.DOWN).min(BigDecimal.valueOf(100)).intValue();
    }

    /** An indicator as made or edited: {@code id} keeps an existing one, null adds one. */
    public record Input(Long id, @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String unit,
                        @NotNull @PositiveOrZero BigDecimal target) {

        public Input(String name, String unit, BigDecimal target) {
            this(null, name, unit, target);
        }
    }

    /** A measured value of an indicator, reported or verified with a level. */
    public record Value(@NotNull Long indicatorId, @NotNull @PositiveOrZero BigDecimal value) {
    }

    /** One measured value in an indicator's history. */
    public record Measurement(long indicatorId, LevelKind kind, BigDecimal value, String actor, Instant at) {
    }
}
