/**
 * Humanitarian assistance in OCHA's terms: P-coded areas, organisations, needs, 4W activities with
 * HXL-tagged import and export and a gaps view; deliveries and convoys notified to and acknowledged by the
 * parties; corridors and pauses; Black Sea Grain Initiative voyages; exchanges of prisoners, civilians and
 * remains; funding from pledge to disbursement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Humanitarian assistance")
package org.parley.humanitarian;
