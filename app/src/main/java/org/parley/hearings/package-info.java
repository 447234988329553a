/**
 * Public hearings: a date, a place or an online link, the party addressed and an agenda; registration with a
 * capacity (a waiting list or a refusal when full, one registration per person); written submissions
 * beforehand; minutes and an outcome afterwards. Hearings take up petitions (shown on the petitions' pages
 * through {@link org.parley.petitions.PetitionHearings}) and may link a consultation. Scheduling, holding
 * and the outcome are facts on the public record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hearings")
package org.parley.hearings;
