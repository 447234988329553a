package org.parley.commitments;

/** The plan's tables: objective → proposed initiative, strategy → anticipated impact, collaboration area → potential outcome, confidence-building measure. */
public enum PlanKind { OBJECTIVE, STRATEGY, COLLABORATION_AREA, CONFIDENCE_MEASURE }
