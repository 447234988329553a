package org.parley.commitments;

/** A level as reported by a responsible party, or as verified by an observer. */
public enum LevelKind { REPORTED, VERIFIED }
