package org.parley.commitments;

/** A fixed date, a number of days after the text enters into force, or a number of days after another commitment is complete. */
public enum DeadlineKind { FIXED, AFTER_ENTRY_INTO_FORCE, AFTER_COMMITMENT }
