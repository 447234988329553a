/**
 * The roadmap: milestones with due dates (fixed, from D0, or after another milestone), responsible
 * parties, dependencies that form a DAG, and a history of every status change with its evidence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Roadmap")
package org.parley.roadmap;
