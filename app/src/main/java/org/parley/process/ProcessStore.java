package org.parley.process;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for processes, parties, tracks and sessions. Visibility is the service's business, not the store's. */
@Repository
class ProcessStore {

    private final JdbcClient jdbc;

    ProcessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<Process> PROCESS = (rs, n) -> new Process(rs.getLong("id"), rs.getString("name"),
            rs.getString("description"), rs.getObject("start_date", LocalDate.class), ProcessStatus.valueOf(rs.getString("status")),
            strings(rs.getArray("languages")));

    private static final RowMapper<Party> PARTY = (rs, n) -> new Party(rs.getLong("id"), rs.getLong("process_id"),
            PartyKind.valueOf(rs.getString("kind")), PartyRole.valueOf(rs.getString("role")), rs.getString("short_name"),
            rs.getString("name_en"), rs.getString("name_uk"), rs.getString("name_ru"));

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    // --- processes

    long insertProcess(NewProcess p) {
        return jdbc.sql("""
                INSERT INTO process (name, description, start_date, status, languages)
                VALUES (:name, :description, :start, :status, string_to_array(:languages, ',')) RETURNING id""")
                .param("name", p.name().trim())
                .param("description", p.description() == null ? "" : p.description())
                .param("start", p.startDate())
                .param("status", (p.status() == null ? ProcessStatus.ACTIVE : p.status()).name())
                .param("languages", String.join(",", p.languages()))
                .query(Long.class).single();
    }

    void updateProcess(long id, NewProcess p) {
        jdbc.sql("""
                UPDATE process SET name = :name, description = :description, start_date = :start, status = :status,
                       languages = string_to_array(:languages, ',') WHERE id = :id""")
                .param("id", id)
                .param("name", p.name().trim())
                .param("description", p.description() == null ? "" : p.description())
                .param("start", p.startDate())
                .param("status", (p.status() == null ? ProcessStatus.ACTIVE : p.status()).name())
                .param("languages", String.join(",", p.languages()))
                .update();
    }

    Optional<Process> process(long id) {
        return jdbc.sql("SELECT * FROM process WHERE id = ?").param(id).query(PROCESS).optional();
    }

    List<Process> processes() {
        return jdbc.sql("SELECT * FROM process ORDER BY start_date DESC, id DESC").query(PROCESS).list();
    }

    void addMediator(long processId, long accountId) {
        jdbc.sql("INSERT INTO process_mediator (process_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(processId, accountId).update();
    }

    boolean isMediator(long processId, long accountId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM process_mediator WHERE process_id = ? AND account_id = ?)")
                .params(processId, accountId).query(Boolean.class).single();
    }

    /** Locks the process row so that concurrent changes to one process (e.g. its roadmap graph) are serialised. */
    void lockProcess(long processId) {
        jdbc.sql("SELECT id FROM process WHERE id = ? FOR UPDATE").param(processId).query(Long.class).optional();
    }

    // --- parties

    long insertParty(long processId, NewParty p) {
        return jdbc.sql("""
                INSERT INTO party (process_id, kind, role, short_name, name_en, name_uk, name_ru)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processId, p.kind().name(), p.role().name(), p.shortName().trim(), p.nameEn().trim(),
                        p.nameUk().trim(), p.nameRu().trim())
                .query(Long.class).single();
    }

    boolean shortNameTaken(long processId, String shortName) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM party WHERE process_id = ? AND lower(short_name) = lower(?))")
                .params(processId, shortName.trim()).query(Boolean.class).single();
    }

    List<Party> parties(long processId) {
        return jdbc.sql("SELECT * FROM party WHERE process_id = ? ORDER BY id").param(processId).query(PARTY).list();
    }

    Optional<Party> party(long partyId) {
        return jdbc.sql("SELECT * FROM party WHERE id = ?").param(partyId).query(PARTY).optional();
    }

    // --- tracks

    long insertTrack(long processId, NewTrack t) {
        long id = jdbc.sql("INSERT INTO track (process_id, name, description, chair_account_id) VALUES (?, ?, ?, ?) RETURNING id")
                .params(processId, t.name().trim(), t.description() == null ? "" : t.description(), t.chairAccountId())
                .query(Long.class).single();
        for (Long partyId : t.partyIds().stream().distinct().toList()) {
            jdbc.sql("INSERT INTO track_party (track_id, party_id) VALUES (?, ?)").params(id, partyId).update();
        }
        return id;
    }

    List<Track> tracks(long processId) {
        return trackQuery("WHERE t.process_id = ?", processId);
    }

    Optional<Track> track(long trackId) {
        return trackQuery("WHERE t.id = ?", trackId).stream().findFirst();
    }

    private List<Track> trackQuery(String where, long param) {
        return jdbc.sql("""
                SELECT t.id, t.process_id, t.name, t.description, t.chair_account_id, a.display_name AS chair_name,
                       coalesce(array_agg(tp.party_id ORDER BY tp.party_id) FILTER (WHERE tp.party_id IS NOT NULL), '{}') AS parties
                FROM track t
                LEFT JOIN account a ON a.id = t.chair_account_id
                LEFT JOIN track_party tp ON tp.track_id = t.id
                """ + where + """

                GROUP BY t.id, a.display_name ORDER BY t.id""")
                .param(param)
                .query((rs, n) -> new Track(rs.getLong("id"), rs.getLong("process_id"), rs.getString("name"),
                        rs.getString("description"), (Long) rs.getObject("chair_account_id"), rs.getString("chair_name"),
                        Arrays.asList((Long[]) rs.getArray("parties").getArray())))
                .list();
    }

    // --- sessions

    long insertSession(NewSession s) {
        long id = jdbc.sql("""
                INSERT INTO track_session (track_id, title, starts_at, ends_at, place, online_url, minutes_visibility)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(s.trackId(), s.title().trim(), ts(s.startsAt()), ts(s.endsAt()), blankToNull(s.place()),
                        blankToNull(s.onlineUrl()), (s.minutesVisibility() == null ? Visibility.PARTIES : s.minutesVisibility()).name())
                .query(Long.class).single();
        List<String> agenda = s.agenda() == null ? List.of() : s.agenda();
        for (int i = 0; i < agenda.size(); i++) {
            jdbc.sql("INSERT INTO session_agenda_item (session_id, position, title) VALUES (?, ?, ?)")
                    .params(id, i + 1, agenda.get(i).trim()).update();
        }
        return id;
    }

    void recordOutcome(long sessionId, SessionOutcome o) {
        jdbc.sql("UPDATE track_session SET outcome = ?, minutes = ?, minutes_visibility = ? WHERE id = ?")
                .params(nullToEmpty(o.outcome()), nullToEmpty(o.minutes()), o.minutesVisibility().name(), sessionId).update();
        jdbc.sql("DELETE FROM session_attendance WHERE session_id = ?").param(sessionId).update();
        for (var a : o.attendance() == null ? List.<SessionOutcome.AttendanceLine>of() : o.attendance()) {
            jdbc.sql("INSERT INTO session_attendance (session_id, party_id, delegates) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(sessionId, a.partyId(), nullToEmpty(a.delegates())).update();
        }
        jdbc.sql("DELETE FROM session_action WHERE session_id = ?").param(sessionId).update();
        for (var a : o.actions() == null ? List.<SessionOutcome.ActionLine>of() : o.actions()) {
            jdbc.sql("INSERT INTO session_action (session_id, description, responsible_party_id, due_date) VALUES (?, ?, ?, ?)")
                    .params(sessionId, a.description().trim(), a.responsiblePartyId(), a.dueDate()).update();
        }
    }

    /** Raw session rows of a process (or one session), with everything; the service blanks what the viewer may not read. */
    List<Session> sessions(String where, long param) {
        Map<Long, Session> byId = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.*, t.process_id FROM track_session s JOIN track t ON t.id = s.track_id
                """ + where + " ORDER BY s.starts_at, s.id")
                .param(param)
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    byId.put(id, new Session(id, rs.getLong("process_id"), rs.getLong("track_id"), rs.getString("title"),
                            instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("place"), rs.getString("online_url"),
                            new ArrayList<>(), new ArrayList<>(), Visibility.valueOf(rs.getString("minutes_visibility")), true,
                            rs.getString("outcome"), rs.getString("minutes"), new ArrayList<>()));
                });
        if (byId.isEmpty()) {
            return List.of();
        }
        String ids = byId.keySet().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        jdbc.sql("SELECT session_id, title FROM session_agenda_item WHERE session_id = ANY(string_to_array(?, ',')::bigint[]) ORDER BY position")
                .param(ids).query((ResultSet rs) -> { byId.get(rs.getLong(1)).agenda().add(rs.getString(2)); });
        jdbc.sql("SELECT session_id, party_id, delegates FROM session_attendance WHERE session_id = ANY(string_to_array(?, ',')::bigint[]) ORDER BY party_id")
                .param(ids).query((ResultSet rs) -> {
                    byId.get(rs.getLong(1)).attendance().add(new Session.Attendance(rs.getLong(2), rs.getString(3)));
                });
        jdbc.sql("SELECT session_id, description, responsible_party_id, due_date FROM session_action WHERE session_id = ANY(string_to_array(?, ',')::bigint[]) ORDER BY id")
                .param(ids).query((ResultSet rs) -> {
                    byId.get(rs.getLong(1)).actions().add(new Session.Action(rs.getString(2), (Long) rs.getObject(3),
                            rs.getObject(4, LocalDate.class)));
                });
        return List.copyOf(byId.values());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
