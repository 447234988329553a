/**
 * Ceasefire and de-escalation monitoring: observers' reports from the field, events corroborated from
 * several reports, parties' claims kept apart from them, ceasefire scopes and the violations of them,
 * imports from outside sources (UCDP GED, ACLED) and exports. Other features use
 * {@link org.parley.monitoring.Monitoring} and the records beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package org.parley.monitoring;
