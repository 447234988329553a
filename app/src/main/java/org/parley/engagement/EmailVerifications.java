package org.parley.engagement;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.parley.platform.CitizenMail;
import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closed mode by verified e-mail: a person gives an address, a link is mailed (through the shared
 * {@link CitizenMail} outbox), and confirming the link by a POST (mail scanners open GET links) makes
 * them a participant. One participant per normalised address: confirming again from another device moves
 * the participant to that device. Links work once and expire; only hashes of addresses and links are kept.
 */
@Service
@Transactional(readOnly = true)
class EmailVerifications {

    static final Duration LINK_LIFETIME = Duration.ofHours(48);

    /** What a mailed link says when opened. */
    enum LinkState { VALID, USED, EXPIRED, UNKNOWN }

    private final Consultations consultations;
    private final EmailLinkStore store;
    private final CitizenMail mail;
    private final MessageSource messages;
    private final Clock clock;
    private final RateLimiter perAddress;
    private final RateLimiter perClient;

    EmailVerifications(Consultations consultations, EmailLinkStore store, CitizenMail mail, MessageSource messages, Clock clock,
                       @Value("${parley.consultations.email.burst:3}") double addressBurst,
                       @Value("${parley.consultations.email.per-second:0.0033}") double addressPerSecond,
                       @Value("${parley.consultations.email.client-burst:20}") double clientBurst,
                       @Value("${parley.consultations.email.client-per-second:0.05}") double clientPerSecond) {
        this.consultations = consultations;
        this.store = store;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.perAddress = new RateLimiter(addressBurst, addressPerSecond);
        this.perClient = new RateLimiter(clientBurst, clientPerSecond);
    }

    /** Mails a one-time link to the address, in the reader's language. */
    @Transactional
    public void request(long processId, long consultationId, String rawEmail, String client) {
        Consultation c = open(processId, consultationId);
        String email = mail.valid(rawEmail).orElseThrow(() -> new InvalidInputException("email", "consultations.error.emailInvalid"));
        byte[] emailHash = emailHash(consultationId, email);
        long now = System.nanoTime();
        if (!perAddress.tryAcquire(ByteBuffer.wrap(emailHash).getLong(), now)
                || !perClient.tryAcquire(key(consultationId, client), now)) {
            throw new TooManyRequestsException("consultations.error.tooManyMails");
        }
        String token = Consultations.newToken();
        Instant at = clock.instant();
        store.insert(consultationId, emailHash, Consultations.sha256(token), at, at.plus(LINK_LIFETIME));
        String link = mail.link("/processes/" + processId + "/consultations/" + consultationId + "/verify?t=" + token);
        var locale = LocaleContextHolder.getLocale();
        mail.send(processId, email, messages.getMessage("consultations.mail.subject", new Object[] {c.question()}, locale),
                messages.getMessage("consultations.mail.body", new Object[] {c.question(), link, LINK_LIFETIME.toHours()}, locale));
    }

    /** The state of a link, for the page it opens. */
    public LinkState state(long processId, long consultationId, String token) {
        consultations.get(processId, consultationId);
        if (token == null || token.isBlank() || token.length() > 200) {
            return LinkState.UNKNOWN;
        }
        Optional<EmailLinkStore.Link> link = store.link(consultationId, Consultations.sha256(token));
        if (link.isEmpty()) {
            return LinkState.UNKNOWN;
        }
        if (link.get().confirmedAt() != null) {
            return LinkState.USED;
        }
        return link.get().expiresAt().isAfter(clock.instant()) ? LinkState.VALID : LinkState.EXPIRED;
    }

    /** Confirms a link and returns the new participant token (for the cookie or the API client). */
    @Transactional
    public String confirm(long processId, long consultationId, String token) {
        open(processId, consultationId);
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new InvalidInputException("token", "consultations.error.linkUnknown");
        }
        byte[] linkHash = Consultations.sha256(token);
        byte[] emailHash = store.use(consultationId, linkHash, clock.instant()).orElseThrow(() -> new InvalidInputException("token",
                switch (state(processId, consultationId, token)) {
                    case USED -> "consultations.error.linkUsed";
                    case EXPIRED -> "consultations.error.linkExpired";
                    default -> "consultations.error.linkUnknown";
                }));
        String participantToken = Consultations.newToken();
        long participant = store.participant(consultationId, emailHash, Consultations.sha256(participantToken));
        store.linkParticipant(linkHash, participant);
        return participantToken;
    }

    private Consultation open(long processId, long consultationId) {
        Consultation c = consultations.get(processId, consultationId);
        if (c.access() != Consultation.Access.EMAIL) {
            throw new ConflictException("consultations.error.notEmailMode");
        }
        if (consultations.phase(c) == Consultation.Phase.CLOSED) {
            throw new ConflictException("consultations.error.closed");
        }
        return c;
    }

    /** A keyed hash of the normalised address: equal for the same person's variants, different per consultation. */
    private byte[] emailHash(long consultationId, String email) {
        return Consultations.sha256(consultationId + "\n" + mail.normalise(email));
    }

    private static long key(long consultationId, String client) {
        return ByteBuffer.wrap(Consultations.sha256(consultationId + "\n" + (client == null ? "" : client))).getLong();
    }
}
