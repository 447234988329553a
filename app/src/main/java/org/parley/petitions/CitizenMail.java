package org.parley.petitions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The petitions' outbox for other citizen features (forums, hearings): mail is written in the caller's
 * transaction, so a change that rolls back sends nothing, and leaves through the same SMTP sender (or
 * waits on the outbox page when no SMTP host is set).
 */
@Component
public class CitizenMail {

    private final Outbox outbox;
    private final PetitionLinks links;

    CitizenMail(Outbox outbox, PetitionLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void send(long processId, String recipient, String subject, String body) {
        outbox.enqueue(processId, recipient, subject, body);
    }

    /** An absolute link to a local path (e.g. "/processes/1/forums/threads/2"), for mail bodies. */
    public String link(String path) {
        return links.absolute(path);
    }
}
