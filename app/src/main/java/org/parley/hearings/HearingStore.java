package org.parley.hearings;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.parley.petitions.Participant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for hearings, registrations and submissions. */
@Repository
class HearingStore {

    private static final String SELECT = """
            SELECT h.*,
              (SELECT count(*) FROM hearing_registration r WHERE r.hearing_id = h.id AND r.status = 'REGISTERED') AS registered,
              (SELECT count(*) FROM hearing_registration r WHERE r.hearing_id = h.id AND r.status = 'WAITING') AS waiting,
              (SELECT count(*) FROM hearing_submission s WHERE s.hearing_id = h.id) AS submissions
            FROM hearing h""";

    private final JdbcClient jdbc;

    HearingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    private static Hearing hearing(ResultSet rs, int n) throws SQLException {
        return new Hearing(rs.getLong("id"), rs.getLong("process_id"), rs.getString("title"), rs.getString("agenda"), instant(rs, "starts_at"),
                rs.getString("place"), rs.getString("online_url"), (Long) rs.getObject("party_id"), rs.getInt("capacity"),
                rs.getBoolean("waiting_list"), (Long) rs.getObject("consultation_id"), longs(rs.getArray("petition_ids")),
                HearingStatus.valueOf(rs.getString("status")), rs.getString("minutes"), rs.getString("outcome"), instant(rs, "held_at"),
                rs.getString("cancel_reason"), rs.getInt("registered"), rs.getInt("waiting"), rs.getInt("submissions"), instant(rs, "created_at"));
    }

    long insert(long processId, NewHearing h, String title, String agenda, String place, String url, List<Long> petitions, Long account,
                Instant now) {
        return jdbc.sql("""
                INSERT INTO hearing (process_id, title, agenda, starts_at, place, online_url, party_id, capacity, waiting_list, consultation_id,
                    petition_ids, status, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[], 'SCHEDULED', ?, ?) RETURNING id""")
                .params(processId, title, agenda, odt(h.startsAt()), place, url, h.partyId(), h.capacity(), h.keepsWaitingList(), h.consultationId(),
                        "{" + String.join(",", petitions.stream().map(String::valueOf).toList()) + "}", odt(now), account)
                .query(Long.class).single();
    }

    Optional<Hearing> find(long id) {
        return jdbc.sql(SELECT + " WHERE h.id = ?").param(id).query(HearingStore::hearing).optional();
    }

    /** Locks the hearing row: registrations count seats under it, so two people never take the last seat. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM hearing WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
    }

    List<Hearing> ofProcess(long processId) {
        return jdbc.sql(SELECT + " WHERE h.process_id = ? ORDER BY h.starts_at DESC, h.id DESC").param(processId).query(HearingStore::hearing).list();
    }

    List<Hearing> ofPetition(long processId, long petitionId) {
        return jdbc.sql(SELECT + " WHERE h.process_id = ? AND h.petition_ids @> ARRAY[?]::bigint[] AND h.status <> 'CANCELLED' ORDER BY h.starts_at")
                .params(processId, petitionId).query(HearingStore::hearing).list();
    }

    void held(long id, String minutes, String outcome, Instant now) {
        jdbc.sql("UPDATE hearing SET status = 'HELD', minutes = ?, outcome = ?, held_at = ? WHERE id = ?")
                .params(minutes, outcome, odt(now), id).update();
    }

    void cancel(long id, String reason) {
        jdbc.sql("UPDATE hearing SET status = 'CANCELLED', cancel_reason = ? WHERE id = ?").params(reason, id).update();
    }

    // --- registrations

    Optional<RegistrationStatus> status(long hearingId, String personKey) {
        return jdbc.sql("SELECT status FROM hearing_registration WHERE hearing_id = ? AND person_key = ?").params(hearingId, personKey)
                .query((rs, n) -> RegistrationStatus.valueOf(rs.getString(1))).optional();
    }

    int count(long hearingId, RegistrationStatus status) {
        return jdbc.sql("SELECT count(*) FROM hearing_registration WHERE hearing_id = ? AND status = ?").params(hearingId, status.name())
                .query(Integer.class).single();
    }

    /** Registers, or registers again after a cancellation (at the end of the waiting list). */
    void register(long hearingId, Participant who, RegistrationStatus status, Instant now) {
        jdbc.sql("""
                INSERT INTO hearing_registration (hearing_id, name, email, person_key, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (hearing_id, person_key) DO UPDATE SET status = excluded.status, name = excluded.name,
                    updated_at = excluded.updated_at WHERE hearing_registration.status = 'CANCELLED'""")
                .params(hearingId, who.name(), who.email(), who.key(), status.name(), odt(now), odt(now)).update();
    }

    void setStatus(long hearingId, String personKey, RegistrationStatus status, Instant now) {
        jdbc.sql("UPDATE hearing_registration SET status = ?, updated_at = ? WHERE hearing_id = ? AND person_key = ?")
                .params(status.name(), odt(now), hearingId, personKey).update();
    }

    record Waiting(String personKey, String name, String email) {
    }

    Optional<Waiting> firstWaiting(long hearingId) {
        return jdbc.sql("SELECT person_key, name, email FROM hearing_registration WHERE hearing_id = ? AND status = 'WAITING' ORDER BY updated_at, id LIMIT 1")
                .param(hearingId).query((rs, n) -> new Waiting(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The registrations, seats first, then the waiting list in its order, each with its place on that list. */
    List<Registration> registrations(long hearingId, String personKey) {
        return jdbc.sql("""
                SELECT id, name, status, created_at, CASE WHEN status = 'WAITING'
                    THEN row_number() OVER (PARTITION BY status ORDER BY updated_at, id) END AS position, person_key
                FROM hearing_registration WHERE hearing_id = ? ORDER BY status = 'CANCELLED', status = 'WAITING', updated_at, id""")
                .param(hearingId).query((rs, n) -> new Object[] {new Registration(rs.getLong("id"), rs.getString("name"),
                        RegistrationStatus.valueOf(rs.getString("status")), (Integer) (rs.getObject("position") == null ? null : rs.getInt("position")),
                        instant(rs, "created_at")), rs.getString("person_key")}).list()
                .stream().filter(o -> personKey == null || personKey.equals(o[1])).map(o -> (Registration) o[0]).toList();
    }

    // --- submissions

    boolean submit(long hearingId, Participant who, String body, String language, Instant now) {
        return jdbc.sql("""
                INSERT INTO hearing_submission (hearing_id, author_name, author_role, person_key, body, language, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hearing_id, person_key) DO NOTHING""")
                .params(hearingId, who.name(), who.role(), who.key(), body, language, odt(now)).update() == 1;
    }

    List<Submission> submissions(long hearingId) {
        return jdbc.sql("SELECT * FROM hearing_submission WHERE hearing_id = ? ORDER BY id").param(hearingId)
                .query((rs, n) -> new Submission(rs.getLong("id"), rs.getString("author_name"), rs.getString("author_role"), rs.getString("body"),
                        rs.getString("language"), instant(rs, "created_at"))).list();
    }
}
