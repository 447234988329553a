package org.parley.petitions;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outgoing mail, written in the same transaction as the fact it announces (so a rolled-back signature sends
 * nothing) and sent afterwards by {@link MailDispatcher} when an SMTP host is configured.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(Long processId, String recipient, String subject, String body) {
        jdbc.sql("INSERT INTO mail_outbox (process_id, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(processId, recipient, subject, body, PetitionStore.odt(clock.instant())).update();
    }

    /** A message to queue. */
    record Message(Long processId, String recipient, String subject, String body) {
    }

    /** Queues many messages with one statement, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void enqueueAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO mail_outbox (process_id, recipient, subject, body, created_at)
                SELECT p, r, s, b, ? FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) AS m(p, r, s, b)""")
                .params(PetitionStore.odt(clock.instant()), messages.stream().map(Message::processId).toArray(Long[]::new),
                        messages.stream().map(Message::recipient).toArray(String[]::new), messages.stream().map(Message::subject).toArray(String[]::new),
                        messages.stream().map(Message::body).toArray(String[]::new))
                .update();
    }

    List<Mail> ofProcess(long processId, int limit) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE process_id = ? ORDER BY id DESC LIMIT ?").params(processId, limit)
                .query((rs, n) -> new Mail(rs.getLong("id"), rs.getLong("process_id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), PetitionStore.instant(rs, "created_at"), PetitionStore.instant(rs, "sent_at"),
                        rs.getInt("attempts"), rs.getString("last_error"))).list();
    }
}
