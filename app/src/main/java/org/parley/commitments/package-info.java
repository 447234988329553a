/**
 * Commitments made from the clauses of adopted texts: responsible parties, action, deadline (fixed, from entry
 * into force, or after another commitment), theme, indicators; implementation levels on the Peace Accords Matrix
 * scale as reported by the responsible party and verified by observers, with history; roll-ups and the barometer;
 * and the plan's own tables linked to tracks, commitments and indicators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commitments")
package org.parley.commitments;
