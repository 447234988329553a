package org.parley.humanitarian;

import java.util.ArrayList;
import java.util.List;

import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;

/**
 * The rule for a corridor's outcome: a reason is always given, and a corridor with verified incidents in its
 * window cannot be marked successful unless the one recording it overrides the incidents, knowingly.
 */
final class CorridorOutcomePolicy {

    private CorridorOutcomePolicy() {
    }

    /** @param incidents the verified incidents, or null when no incident check is available */
    static void check(CorridorOutcome outcome, Integer incidents, boolean override, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (outcome == null) {
            problems.add(new FieldProblem("outcome", "humanitarian.corridor.outcomeRequired"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "humanitarian.corridor.reasonRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (outcome == CorridorOutcome.SUCCESSFUL && incidents != null && incidents > 0 && !override) {
            throw new ConflictException("humanitarian.corridor.incidentsNeedOverride", incidents);
        }
    }

    /** Whether the recorded outcome is an override: successful despite verified incidents. */
    static boolean isOverride(CorridorOutcome outcome, Integer incidents, boolean override) {
        return override && outcome == CorridorOutcome.SUCCESSFUL && incidents != null && incidents > 0;
    }
}
