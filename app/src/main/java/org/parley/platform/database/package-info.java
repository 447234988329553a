/**
 * The database: the embedded PostgreSQL or an external one, and {@link org.parley.platform.database.GroupCommit}
 * for features' high-rate write paths (the one type here that features use).
 */
@org.springframework.modulith.NamedInterface("database")
package org.parley.platform.database;
