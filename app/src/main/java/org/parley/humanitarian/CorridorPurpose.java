package org.parley.humanitarian;

/** What a corridor or pause is for. */
public enum CorridorPurpose { EVACUATION, AID, EVACUATION_AND_AID }
