package org.parley.hearings;

/** A seat, a place on the waiting list (seats go to it in order when someone cancels), or cancelled. */
public enum RegistrationStatus {
    REGISTERED, WAITING, CANCELLED
}
