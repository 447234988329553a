package org.parley.engagement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the mailed links of closed-by-e-mail consultations and the participants they make. */
@Repository
class EmailLinkStore {

    /** A mailed link as stored: when it expires, and when it was used (null if not yet). */
    record Link(Instant expiresAt, Instant confirmedAt) {
    }

    private final JdbcClient jdbc;

    EmailLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long consultationId, byte[] emailHash, byte[] linkHash, Instant at, Instant expires) {
        jdbc.sql("""
                INSERT INTO consultation_email_link (consultation_id, email_hash, link_hash, requested_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(consultationId, emailHash, linkHash, Timestamp.from(at), Timestamp.from(expires)).update();
    }

    Optional<Link> link(long consultationId, byte[] linkHash) {
        return jdbc.sql("SELECT expires_at, confirmed_at FROM consultation_email_link WHERE consultation_id = ? AND link_hash = ?")
                .params(consultationId, linkHash)
                .query((rs, n) -> new Link(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class) == null ? null : rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Marks an unused, unexpired link used and returns its address hash; empty otherwise. Atomic: a link works once. */
    Optional<byte[]> use(long consultationId, byte[] linkHash, Instant at) {
        return jdbc.sql("""
                UPDATE consultation_email_link SET confirmed_at = ?
                WHERE consultation_id = ? AND link_hash = ? AND confirmed_at IS NULL AND expires_at > ? RETURNING email_hash""")
                .params(Timestamp.from(at), consultationId, linkHash, Timestamp.from(at)).query(byte[].class).optional();
    }

    /**
     * The participant of a verified address: created on its first confirmation; a later confirmation (another
     * device) moves the participant to the new token, so one address stays one participant.
     */
    long participant(long consultationId, byte[] emailHash, byte[] tokenHash) {
        return jdbc.sql("""
                INSERT INTO consultation_participant (consultation_id, token_hash, email_hash) VALUES (?, ?, ?)
                ON CONFLICT (consultation_id, email_hash) WHERE email_hash IS NOT NULL DO UPDATE SET token_hash = EXCLUDED.token_hash
                RETURNING id""")
                .params(consultationId, tokenHash, emailHash).query(Long.class).single();
    }

    void linkParticipant(byte[] linkHash, long participantId) {
        jdbc.sql("UPDATE consultation_email_link SET participant_id = ? WHERE link_hash = ?").params(participantId, linkHash).update();
    }
}
