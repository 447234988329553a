/**
 * Commitments made from the clauses of adopted texts: responsible parties, action, deadline (a fixed date, or days
 * after entry into force, another commitment, a roadmap milestone or a named event, resolved to a date once that has
 * happened), theme, indicators with targets and their measured values over time; implementation levels on the Peace
 * Accords Matrix scale as reported by the responsible party and verified by observers, with history; roll-ups and the
 * barometer; and the plan's own tables linked to tracks, commitments and indicators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commitments")
package org.parley.commitments;
