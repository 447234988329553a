package org.parley.petitions;

import java.util.Optional;

import org.parley.platform.CitizenMail;
import org.springframework.stereotype.Component;

/** {@link CitizenMail} for every feature, on the petitions' address rules, links and outbox. */
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
    public void send(Long processId, String recipient, String subject, String body) {
        outbox.enqueue(processId, recipient, subject, body);
    }
}
