package org.parley.petitions;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outgoing mail, written in the same transaction as the fact it announces (so a rolled-back signature sends
 * nothing; a signature's own mail is written by the very statement that inserts it, see
 * {@link PetitionStore#insertSignatures}) and sent afterwards by {@link MailDispatcher} when an SMTP host is configured.
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

    List<Mail> ofProcess(long processId, int limit) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE process_id = ? ORDER BY id DESC LIMIT ?").params(processId, limit)
                .query((rs, n) -> new Mail(rs.getLong("id"), rs.getLong("process_id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), PetitionStore.instant(rs, "created_at"), PetitionStore.instant(rs, "sent_at"),
                        rs.getInt("attempts"), rs.getString("last_error"))).list();
    }
}
