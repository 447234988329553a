package org.parley.petitions;

import java.util.Optional;

import org.parley.platform.CitizenMail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CitizenMail} for every feature, on the petitions' address rules, links and outbox: mail is written in the
 * caller's transaction, so a change that rolls back sends nothing, and leaves through the same SMTP sender (or
 * waits on the outbox page when no SMTP host is set).
 */
@Component
class OutboxCitizenMail implements CitizenMail {

    private final Outbox outbox;
    private final PetitionLinks links;

    OutboxCitizenMail(Outbox outbox, PetitionLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    @Override
    public Optional<String> valid(String raw) {
        return EmailAddresses.valid(raw);
    }

    @Override
    public String normalise(String validAddress) {
        return EmailAddresses.normalise(validAddress);
    }

    @Override
    public String link(String path) {
        return links.absolute(path);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(Long processId, String recipient, String subject, String body) {
        outbox.enqueue(processId, recipient, subject, body);
    }
}
