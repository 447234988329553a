package org.parley.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;

/** The outcome rule on its own, with the number of verified incidents given (CorridorIncidentsTest takes them from monitoring). */
class CorridorOutcomePolicyTest {

    @Test
    void aCorridorWithVerifiedIncidentsIsMarkedSuccessfulOnlyWithAnOverride() {
        assertThatThrownBy(() -> CorridorOutcomePolicy.check(CorridorOutcome.SUCCESSFUL, 2, false, "Evacuation completed"))
                .isInstanceOf(ConflictException.class).hasMessage("humanitarian.corridor.incidentsNeedOverride");
        assertThatCode(() -> CorridorOutcomePolicy.check(CorridorOutcome.SUCCESSFUL, 2, true, "Shelling was after the last bus left"))
                .doesNotThrowAnyException();
        assertThat(CorridorOutcomePolicy.isOverride(CorridorOutcome.SUCCESSFUL, 2, true)).isTrue();
        // Other outcomes, or no incidents, need no override; an override without incidents is no override.
        assertThatCode(() -> CorridorOutcomePolicy.check(CorridorOutcome.UNSUCCESSFUL, 2, false, "Shelled")).doesNotThrowAnyException();
        assertThatCode(() -> CorridorOutcomePolicy.check(CorridorOutcome.SUCCESSFUL, 0, false, "Quiet")).doesNotThrowAnyException();
        assertThat(CorridorOutcomePolicy.isOverride(CorridorOutcome.SUCCESSFUL, 0, true)).isFalse();
        // Without an incident check (a route without coordinates) the outcome is taken as given, with its reason.
        assertThatCode(() -> CorridorOutcomePolicy.check(CorridorOutcome.SUCCESSFUL, null, false, "Reported by ICRC")).doesNotThrowAnyException();
    }

    @Test
    void aReasonIsAlwaysRequired() {
        assertThatThrownBy(() -> CorridorOutcomePolicy.check(CorridorOutcome.SUCCESSFUL, null, true, "  "))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("reason"));
    }
}
