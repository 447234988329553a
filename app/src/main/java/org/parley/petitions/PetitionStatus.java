package org.parley.petitions;

/**
 * Where a petition stands: waiting for its creator to confirm the email, gathering its first supporters,
 * waiting for the mediator's moderation, open for signatures, rejected (with a reason), or closed.
 */
public enum PetitionStatus {
    UNCONFIRMED, GATHERING, MODERATION, OPEN, REJECTED, CLOSED;

    /** Whether citizens may still sign: supporters before moderation, everyone once open. */
    public boolean signable() {
        return this == GATHERING || this == MODERATION || this == OPEN;
    }

    public boolean published() {
        return this == OPEN || this == CLOSED;
    }
}
