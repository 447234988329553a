package org.parley.hearings;

import java.time.Instant;

/** A registration: the mediator sees names and statuses; a citizen sees their own (with their place on the waiting list). */
public record Registration(long id, String name, RegistrationStatus status, Integer waitingPosition, Instant at) {
}
