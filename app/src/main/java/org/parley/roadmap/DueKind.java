package org.parley.roadmap;

/** How a due date is given: a fixed date, "D0 + n", or "n after another milestone is completed". */
public enum DueKind { DATE, AFTER_START, AFTER_MILESTONE }
