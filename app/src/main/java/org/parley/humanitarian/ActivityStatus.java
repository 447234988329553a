package org.parley.humanitarian;

/** Where a 4W activity stands. */
public enum ActivityStatus { PLANNED, ONGOING, COMPLETED }
