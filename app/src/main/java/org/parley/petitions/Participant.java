package org.parley.petitions;

import org.parley.platform.Viewer;

/**
 * Who takes part in a citizen feature (a forum post, a hearing registration, feedback): a signed-in account
 * (with its role) or a citizen with a pass. {@code key} tells people apart ("account:ID" or
 * "email:NORMALISED") and, like {@code email}, is never shown.
 */
public record Participant(String name, String role, Long accountId, String email, String key) {

    public static Participant of(Viewer viewer) {
        return new Participant(viewer.displayName(), viewer.role() == null ? null : viewer.role().name(), viewer.accountId(),
                viewer.email(), "account:" + viewer.accountId());
    }

    public static Participant of(Citizen citizen) {
        return new Participant(citizen.name(), null, null, citizen.email(), citizen.key());
    }

    /** The normalised email of this participant, or null when an account's address is not a valid one. */
    public String emailNorm() {
        return email == null ? null : EmailAddresses.valid(email).map(EmailAddresses::normalise).orElse(null);
    }
}
