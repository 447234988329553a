package org.parley.commitments;

/**
 * A fixed date, or a number of days after something happens: the text enters into force, another commitment is
 * complete, a roadmap milestone is completed, or a named event (a {@link DeadlineEvent}) is recorded as having happened.
 */
public enum DeadlineKind {
    FIXED, AFTER_ENTRY_INTO_FORCE, AFTER_COMMITMENT, AFTER_MILESTONE, AFTER_EVENT;

    /** Whether the deadline hangs on something that may not have happened yet. */
    public boolean relative() {
        return this == AFTER_COMMITMENT || this == AFTER_MILESTONE || this == AFTER_EVENT;
    }
}
