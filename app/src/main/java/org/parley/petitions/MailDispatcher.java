package org.parley.petitions;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox through SMTP when {@code parley.mail.host} is set; otherwise mail stays in the outbox, where
 * the mediator reads it. Rows are claimed with SKIP LOCKED, so several nodes never send one message twice at once.
 * Recipients and bodies never reach the log (bodies hold confirmation links).
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SmtpMail smtp;

    MailDispatcher(JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                   @Value("${parley.mail.host:}") String host, @Value("${parley.mail.port:25}") int port,
                   @Value("${parley.mail.username:}") String username, @Value("${parley.mail.password:}") String password,
                   @Value("${parley.mail.starttls:false}") boolean startTls,
                   @Value("${parley.mail.from:parley@localhost}") String from) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.smtp = host.isBlank() ? null : new SmtpMail(host, port, username, password, startTls, from);
    }

    /** Whether mail leaves through SMTP (else the outbox page is where it is read). */
    boolean sending() {
        return smtp != null;
    }

    @Scheduled(fixedDelayString = "${parley.mail.interval:PT2S}")
    void tick() {
        if (smtp != null) {
            sendPending(smtp, 100);
        }
    }

    /** Sends up to {@code limit} unsent messages through {@code via}; returns how many were sent. */
    int sendPending(SmtpMail via, int limit) {
        Integer sent = tx.execute(status -> {
            List<Mail> batch = jdbc.sql("""
                    SELECT * FROM mail_outbox WHERE sent_at IS NULL AND attempts < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(MAX_ATTEMPTS, limit)
                    .query((rs, n) -> new Mail(rs.getLong("id"), (Long) rs.getObject("process_id"), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("body"), null, null, rs.getInt("attempts"), null)).list();
            int ok = 0;
            for (Mail m : batch) {
                try {
                    via.send(m.recipient(), m.subject(), m.body());
                    jdbc.sql("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                            .params(PetitionStore.odt(clock.instant()), m.id()).update();
                    ok++;
                } catch (Exception e) {
                    log.warn("Mail {} not sent: {}", m.id(), e.getClass().getSimpleName());
                    jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                            .params(e.getClass().getSimpleName(), m.id()).update();
                }
            }
            return ok;
        });
        return sent == null ? 0 : sent;
    }
}
