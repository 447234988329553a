/**
 * Citizen feedback on milestones and commitments: a short "is this done?" (yes, partly, no) with an optional
 * comment, one per person per item (the latest answer counts), rate limited per address, aggregated and
 * shown on the item's page. Citizens answer under an email they proved (petitions' citizen passes).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback")
package org.parley.feedback;
