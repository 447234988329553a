package org.parley.hearings;

/** A hearing is scheduled, held (with minutes and an outcome) or cancelled (with a reason). */
public enum HearingStatus {
    SCHEDULED, HELD, CANCELLED
}
