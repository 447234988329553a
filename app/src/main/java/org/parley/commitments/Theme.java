package org.parley.commitments;

/** What a commitment is about, for roll-ups. */
public enum Theme { CEASEFIRE, WEAPONS_WITHDRAWAL, PRISONERS, HUMANITARIAN_ACCESS, ECONOMIC, POLITICAL, SECURITY_GUARANTEES, CONFIDENCE_BUILDING }
