package org.parley.platform;

import java.util.Optional;

/**
 * Mail to citizens who have no account, for features that let people prove an address by a mailed link
 * (petitions, consultations in closed mode, forums). One implementation, the petitions' outbox, so every
 * feature checks and normalises addresses the same way and mail leaves through one queue; it lives behind
 * this interface so that features using it need not depend on petitions.
 */
public interface CitizenMail {

    /** The address trimmed, if it is a plain, well-formed address; else empty. */
    Optional<String> valid(String raw);

    /** The key "one per person" is counted by (case and provider-specific dots or +tags folded). */
    String normalise(String validAddress);

    /** An absolute link to a path of this installation, for a mail ({@code parley.public-url} or the current request). */
    String link(String path);

    /** Queues a plain-text mail in the caller's transaction: a rolled-back change sends nothing. */
    void send(Long processId, String recipient, String subject, String body);
}
