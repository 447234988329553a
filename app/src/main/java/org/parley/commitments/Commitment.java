package org.parley.commitments;

import java.time.LocalDate;
import java.util.List;

/**
 * A commitment as it stands: its deadline resolved to a date where what it hangs on has happened ({@code dueDate}
 * null while pending), the reported and the verified level, and its flags.
 */
public record Commitment(long id, long processId, long textId, long clauseId, String action, Theme theme, List<Long> partyIds,
                         DeadlineKind deadlineKind, LocalDate fixedDate, Integer offsetDays, Long anchorCommitmentId,
                         Long anchorMilestoneId, Long anchorEventId, LocalDate dueDate, int reportedLevel, Integer verifiedLevel,
                         LocalDate completedOn, boolean confidential, boolean overdue, List<Indicator> indicators) {

    /** The level that counts: the verified one once an observer has verified, else the reported one. */
    public int level() {
        return verifiedLevel != null ? verifiedLevel : reportedLevel;
    }

    /** Whether the observers' verification differs from what the party reported. */
    public boolean disputed() {
        return verifiedLevel != null && verifiedLevel != reportedLevel;
    }
}
