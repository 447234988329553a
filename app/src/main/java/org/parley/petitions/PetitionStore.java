package org.parley.petitions;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for petitions and their signatures. Who may see or change what is the service's business. */
@Repository
class PetitionStore {

    /** A petition row, with the fields the public never sees. */
    record Row(long id, long processId, String title, String body, String language, boolean toMediator, List<Long> partyIds,
               String creatorName, String creatorEmail, PetitionStatus status, Instant createdAt, Instant moderatedAt,
               String rejectionReason, Instant closesAt, int signatures, Instant responseDueAt, Instant hearingDueSince) {
    }

    /** A signature row reached by its token. */
    record SignatureRow(long id, long petitionId, String name, Instant confirmedAt, Instant withdrawnAt, Instant invalidatedAt) {
    }

    private final JdbcClient jdbc;

    PetitionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("process_id"), rs.getString("title"), rs.getString("body"),
                rs.getString("language"), rs.getBoolean("to_mediator"), longs(rs.getArray("party_ids")), rs.getString("creator_name"),
                rs.getString("creator_email"), PetitionStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "moderated_at"), rs.getString("rejection_reason"), instant(rs, "closes_at"), rs.getInt("signature_count"),
                instant(rs, "response_due_at"), instant(rs, "hearing_due_since"));
    }

    // --- settings

    Optional<PetitionSettings> settings(long processId) {
        return jdbc.sql("SELECT * FROM petition_settings WHERE process_id = ?").param(processId)
                .query((rs, n) -> new PetitionSettings(rs.getInt("supporters_needed"), rs.getInt("open_days"),
                        rs.getInt("response_threshold"), rs.getInt("response_days"), rs.getInt("hearing_threshold"),
                        rs.getInt("rate_limit_ip"), rs.getInt("rate_limit_subnet"), rs.getInt("rate_window_minutes"))).optional();
    }

    void saveSettings(long processId, PetitionSettings s) {
        jdbc.sql("""
                INSERT INTO petition_settings (process_id, supporters_needed, open_days, response_threshold, response_days,
                    hearing_threshold, rate_limit_ip, rate_limit_subnet, rate_window_minutes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (process_id) DO UPDATE SET supporters_needed = excluded.supporters_needed, open_days = excluded.open_days,
                    response_threshold = excluded.response_threshold, response_days = excluded.response_days,
                    hearing_threshold = excluded.hearing_threshold, rate_limit_ip = excluded.rate_limit_ip,
                    rate_limit_subnet = excluded.rate_limit_subnet, rate_window_minutes = excluded.rate_window_minutes""")
                .params(processId, s.supportersNeeded(), s.openDays(), s.responseThreshold(), s.responseDays(), s.hearingThreshold(),
                        s.rateLimitIp(), s.rateLimitSubnet(), s.rateWindowMinutes()).update();
    }

    // --- petitions

    long insert(long processId, NewPetition p, String language, String email, String tokenHash, Instant now) {
        return jdbc.sql("""
                INSERT INTO petition (process_id, title, body, language, to_mediator, party_ids, creator_name, creator_email,
                    creator_token_hash, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?::bigint[], ?, ?, ?, 'UNCONFIRMED', ?) RETURNING id""")
                .params(processId, p.title().strip(), p.body().strip(), language, p.toMediator(),
                        "{" + String.join(",", (p.partyIds() == null ? List.<Long>of() : p.partyIds()).stream().map(String::valueOf).toList()) + "}",
                        p.creatorName().strip(), email, tokenHash, odt(now))
                .query(Long.class).single();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM petition WHERE id = ?").param(id).query(PetitionStore::row).optional();
    }

    /** The petition, locked against concurrent changes to its count and status until the transaction ends. */
    Optional<Row> lock(long id) {
        return jdbc.sql("SELECT * FROM petition WHERE id = ? FOR UPDATE").param(id).query(PetitionStore::row).optional();
    }

    Optional<Row> byCreatorToken(String tokenHash) {
        return jdbc.sql("SELECT * FROM petition WHERE creator_token_hash = ? FOR UPDATE").param(tokenHash).query(PetitionStore::row).optional();
    }

    List<Row> list(long processId, boolean all) {
        return jdbc.sql("SELECT * FROM petition WHERE process_id = ? " + (all ? "AND status <> 'UNCONFIRMED'" : "AND status IN ('OPEN', 'CLOSED')")
                + " ORDER BY signature_count DESC, id DESC").param(processId).query(PetitionStore::row).list();
    }

    List<Row> openPetitions() {
        return jdbc.sql("SELECT * FROM petition WHERE status = 'OPEN'").query(PetitionStore::row).list();
    }

    void setStatus(long id, PetitionStatus status) {
        jdbc.sql("UPDATE petition SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    void confirmCreation(long id, Instant now) {
        jdbc.sql("UPDATE petition SET status = 'GATHERING', confirmed_at = ? WHERE id = ?").params(odt(now), id).update();
    }

    void moderate(long id, PetitionStatus status, String reason, Instant now, Instant closesAt) {
        jdbc.sql("UPDATE petition SET status = ?, rejection_reason = ?, moderated_at = ?, closes_at = ? WHERE id = ?")
                .params(status.name(), reason, odt(now), odt(closesAt), id).update();
    }

    void setResponseDue(long id, Instant due) {
        jdbc.sql("UPDATE petition SET response_due_at = ? WHERE id = ?").params(odt(due), id).update();
    }

    void setHearingDue(long id, Instant since) {
        jdbc.sql("UPDATE petition SET hearing_due_since = ? WHERE id = ?").params(odt(since), id).update();
    }

    /** Sets the stored count from the signatures themselves and returns it. */
    int recount(long id) {
        return jdbc.sql("""
                UPDATE petition SET signature_count = (SELECT count(*) FROM petition_signature s WHERE s.petition_id = petition.id
                    AND s.confirmed_at IS NOT NULL AND s.withdrawn_at IS NULL AND s.invalidated_at IS NULL)
                WHERE id = ? RETURNING signature_count""").param(id).query(Integer.class).single();
    }

    int addToCount(long id, int delta) {
        return jdbc.sql("UPDATE petition SET signature_count = signature_count + ? WHERE id = ? RETURNING signature_count")
                .params(delta, id).query(Integer.class).single();
    }

    Map<String, Integer> byRegion(long id) {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT region, count(*) AS n FROM petition_signature WHERE petition_id = ?
                  AND confirmed_at IS NOT NULL AND withdrawn_at IS NULL AND invalidated_at IS NULL
                GROUP BY region ORDER BY n DESC, region""").param(id)
                .query((rs, n) -> out.put(rs.getString("region"), rs.getInt("n"))).list();
        return out;
    }

    /** Ids of the confirmed, valid signatures, ascending: what a tally hashes. */
    List<Long> validSignatureIds(long id) {
        return jdbc.sql("""
                SELECT id FROM petition_signature WHERE petition_id = ?
                  AND confirmed_at IS NOT NULL AND withdrawn_at IS NULL AND invalidated_at IS NULL ORDER BY id""")
                .param(id).query(Long.class).list();
    }

    // --- signatures, a batch at a time (group commit: one statement per step for the whole batch)

    /**
     * A signature as a batch inserts it, under an id drawn by {@link #signingContext}, with its confirmation mail and
     * whether its domain is tallied for the trending-sources alerts.
     */
    record NewSignatureRow(long id, long petitionId, String name, String email, String norm, String domain, String region, String ip,
                           String subnet, String secretHash, long processId, String mailSubject, String mailBody, boolean tallied) {
    }

    /** A signature's source for the rate limits: its address and /24 (or /64), the window's start and the two caps. */
    record RecentKey(long petitionId, String ip, String subnet, Instant since, int ipCap, int subnetCap) {
    }

    /** The petitions, locked in id order (the order every batch and every single change locks them in). */
    Map<Long, Row> lockAll(Collection<Long> ids) {
        Map<Long, Row> out = new HashMap<>();
        jdbc.sql("SELECT * FROM petition WHERE id = ANY(?) ORDER BY id FOR UPDATE").param(ids.toArray(Long[]::new))
                .query(PetitionStore::row).list().forEach(r -> out.put(r.id(), r));
        return out;
    }

    Map<Long, PetitionSettings> settingsOf(Collection<Long> processIds) {
        Map<Long, PetitionSettings> out = new HashMap<>();
        jdbc.sql("SELECT * FROM petition_settings WHERE process_id = ANY(?)").param(processIds.toArray(Long[]::new))
                .query((rs, n) -> out.put(rs.getLong("process_id"), settings(rs, ""))).list();
        return out;
    }

    private static PetitionSettings settings(ResultSet rs, String prefix) throws SQLException {
        return new PetitionSettings(rs.getInt(prefix + "supporters_needed"), rs.getInt(prefix + "open_days"),
                rs.getInt(prefix + "response_threshold"), rs.getInt(prefix + "response_days"), rs.getInt(prefix + "hearing_threshold"),
                rs.getInt(prefix + "rate_limit_ip"), rs.getInt(prefix + "rate_limit_subnet"), rs.getInt(prefix + "rate_window_minutes"));
    }

    /**
     * What a signing batch reads of its petitions: each one, its process's settings (the defaults where the process
     * has none) and its process's blocks among {@code values}, as "processId|KIND|value"; and ids drawn for the
     * signatures it may insert, so that their mail, whose link holds the id, is worded before the insert.
     */
    record SigningContext(Map<Long, Row> petitions, Map<Long, PetitionSettings> settings, Set<String> blocked, long[] signatureIds) {
    }

    /**
     * The {@link SigningContext} of these petitions, with {@code signatures} ids, in one query instead of three (see
     * {@link #insertSignatures} for why). Ids not used are skipped, as a sequence's are after a rollback.
     */
    SigningContext signingContext(Collection<Long> petitionIds, Collection<String> values, int signatures) {
        Map<Long, Row> petitions = new HashMap<>();
        Map<Long, PetitionSettings> settings = new HashMap<>();
        Set<String> blocked = new HashSet<>();
        long[][] ids = {new long[0]};
        jdbc.sql("""
                SELECT (SELECT array_agg(nextval('petition_signature_id_seq')) FROM generate_series(1, ?)) AS signature_ids,
                       p.*, s.process_id IS NOT NULL AS s_set, s.supporters_needed AS s_supporters_needed, s.open_days AS s_open_days,
                       s.response_threshold AS s_response_threshold, s.response_days AS s_response_days,
                       s.hearing_threshold AS s_hearing_threshold, s.rate_limit_ip AS s_rate_limit_ip,
                       s.rate_limit_subnet AS s_rate_limit_subnet, s.rate_window_minutes AS s_rate_window_minutes,
                       (SELECT array_agg(b.kind || '|' || b.value) FROM petition_block b WHERE b.process_id = p.process_id AND b.value = ANY(?)) AS blocks
                FROM petition p LEFT JOIN petition_settings s ON s.process_id = p.process_id WHERE p.id = ANY(?)""")
                .params(signatures, values.toArray(String[]::new), petitionIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    if (n == 0) { // the same drawn ids on every row
                        ids[0] = Arrays.stream((Long[]) rs.getArray("signature_ids").getArray()).mapToLong(Long::longValue).toArray();
                    }
                    Row row = row(rs, n);
                    petitions.put(row.id(), row);
                    settings.put(row.processId(), rs.getBoolean("s_set") ? settings(rs, "s_") : PetitionSettings.DEFAULTS);
                    Array blocks = rs.getArray("blocks");
                    for (String block : blocks == null ? new String[0] : (String[]) blocks.getArray()) {
                        blocked.add(row.processId() + "|" + block);
                    }
                    return null;
                }).list();
        return new SigningContext(petitions, settings, blocked, ids[0]);
    }

    /**
     * For each source, how many signatures came from its subnet and from its address since its moment, into
     * {@code perSubnet} and {@code perIp} as "petitionId|value". Both come from one walk of the subnet's index (an
     * address's signatures are among its subnet's), which stops at the larger cap, so the check stays cheap however big
     * the petition and no index on the address is written on every insert. A subnet walked to its cap is refused
     * whatever its address's count says.
     */
    void recentCounts(List<RecentKey> keys, Map<String, Integer> perIp, Map<String, Integer> perSubnet) {
        Map<String, RecentKey> distinct = new LinkedHashMap<>();
        keys.forEach(k -> distinct.putIfAbsent(k.petitionId() + "|" + k.ip(), k));
        if (distinct.isEmpty()) {
            return;
        }
        List<RecentKey> ks = List.copyOf(distinct.values());
        jdbc.sql("""
                SELECT k.p, k.i, k.s, c.ips, c.subnet
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::timestamptz[], ?::int[], ?::int[]) AS k(p, i, s, since, icap, scap)
                CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE x.ip = k.i) AS ips, count(*) AS subnet FROM (SELECT ip
                    FROM petition_signature WHERE petition_id = k.p AND subnet = k.s AND created_at >= k.since
                    LIMIT greatest(k.icap, k.scap)) x) c""")
                .params(ks.stream().map(RecentKey::petitionId).toArray(Long[]::new), ks.stream().map(RecentKey::ip).toArray(String[]::new),
                        ks.stream().map(RecentKey::subnet).toArray(String[]::new), ks.stream().map(k -> k.since().toString()).toArray(String[]::new),
                        ks.stream().map(RecentKey::ipCap).toArray(Integer[]::new), ks.stream().map(RecentKey::subnetCap).toArray(Integer[]::new))
                .query((rs, n) -> {
                    perIp.put(rs.getLong(1) + "|" + rs.getString(2), rs.getInt(4));
                    perSubnet.put(rs.getLong(1) + "|" + rs.getString(3), rs.getInt(5));
                    return null;
                }).list();
    }

    /**
     * Inserts the signatures whose normalised email has not signed their petition yet and, in the same statement,
     * the confirmation mail of each one inserted and the batch's signatures per tallied domain (one statement
     * instead of three: each round trip costs the writer JDBC and kernel work, and the network's latency when the
     * database is on another host).
     * Returns the ids of those inserted.
     */
    Set<Long> insertSignatures(List<NewSignatureRow> rows, Instant now) {
        Set<Long> out = new HashSet<>();
        if (rows.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                WITH x AS (
                    SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::bigint[], ?::text[], ?::text[], ?::boolean[]) WITH ORDINALITY
                        AS x(id, p, n, e, en, d, r, i, s, t, process, subject, body, tallied, k)),
                signed AS (
                    INSERT INTO petition_signature (id, petition_id, name, email, email_norm, email_domain, region, ip, subnet, secret_hash, created_at)
                    SELECT id, p, n, e, en, d, r, i, s, t, ? FROM x ORDER BY k
                    ON CONFLICT (petition_id, email_norm) DO NOTHING RETURNING id),
                mailed AS (
                    INSERT INTO mail_outbox (process_id, recipient, subject, body, created_at)
                    SELECT x.process, x.e, x.subject, x.body, ? FROM x JOIN signed USING (id) ORDER BY x.k),
                tallied AS (
                    INSERT INTO petition_domain_tally (petition_id, domain, minute, signatures)
                    SELECT x.p, x.d, date_trunc('minute', ?::timestamptz), count(*)::int FROM x JOIN signed USING (id)
                    WHERE x.tallied GROUP BY x.p, x.d)
                SELECT id FROM signed""")
                .params(rows.stream().map(NewSignatureRow::id).toArray(Long[]::new), rows.stream().map(NewSignatureRow::petitionId).toArray(Long[]::new),
                        rows.stream().map(NewSignatureRow::name).toArray(String[]::new), rows.stream().map(NewSignatureRow::email).toArray(String[]::new),
                        rows.stream().map(NewSignatureRow::norm).toArray(String[]::new), rows.stream().map(NewSignatureRow::domain).toArray(String[]::new),
                        rows.stream().map(NewSignatureRow::region).toArray(String[]::new), rows.stream().map(NewSignatureRow::ip).toArray(String[]::new),
                        rows.stream().map(NewSignatureRow::subnet).toArray(String[]::new),
                        rows.stream().map(NewSignatureRow::secretHash).toArray(String[]::new),
                        rows.stream().map(NewSignatureRow::processId).toArray(Long[]::new),
                        rows.stream().map(NewSignatureRow::mailSubject).toArray(String[]::new),
                        rows.stream().map(NewSignatureRow::mailBody).toArray(String[]::new),
                        rows.stream().map(NewSignatureRow::tallied).toArray(Boolean[]::new), odt(now), odt(now), odt(now))
                .query((rs, n) -> out.add(rs.getLong(1))).list();
        return out;
    }

    /** The signatures the tokens point at, for the tokens whose secret matches (by primary key; links from before V56 by their hash). */
    Map<SignatureToken, SignatureRow> signatures(Collection<SignatureToken> tokens) {
        Map<SignatureToken, SignatureRow> found = new HashMap<>();
        jdbc.sql("SELECT * FROM petition_signature WHERE id = ANY(?) OR token_hash = ANY(?)")
                .params(tokens.stream().filter(t -> !t.legacy()).map(SignatureToken::id).toArray(Long[]::new),
                        tokens.stream().filter(SignatureToken::legacy).map(SignatureToken::hash).toArray(String[]::new))
                .query((rs, n) -> {
                    SignatureRow row = new SignatureRow(rs.getLong("id"), rs.getLong("petition_id"), rs.getString("name"),
                            instant(rs, "confirmed_at"), instant(rs, "withdrawn_at"), instant(rs, "invalidated_at"));
                    if (rs.getString("secret_hash") != null) {
                        found.put(new SignatureToken(row.id(), rs.getString("secret_hash")), row);
                    }
                    if (rs.getString("token_hash") != null) {
                        found.put(new SignatureToken(-1, rs.getString("token_hash")), row);
                    }
                    return row;
                }).list();
        Map<SignatureToken, SignatureRow> out = new HashMap<>();
        tokens.forEach(t -> {
            SignatureRow row = found.get(t);
            if (row != null) {
                out.put(t, row);
            }
        });
        return out;
    }

    /** Confirms those not yet confirmed, withdrawn or invalidated, once each; returns the ids this call confirmed. */
    List<Long> confirmSignatures(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                UPDATE petition_signature SET confirmed_at = ? WHERE id = ANY(?)
                  AND confirmed_at IS NULL AND withdrawn_at IS NULL AND invalidated_at IS NULL RETURNING id""")
                .params(odt(now), ids.stream().sorted().toArray(Long[]::new)).query(Long.class).list();
    }

    // --- signatures

    boolean emailTaken(long petitionId, String norm) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM petition_signature WHERE petition_id = ? AND email_norm = ?)")
                .params(petitionId, norm).query(Boolean.class).single();
    }

    Optional<SignatureRow> signature(SignatureToken token) {
        return Optional.ofNullable(signatures(List.of(token)).get(token));
    }

    /** Withdraws once; returns whether the withdrawn signature had been counted. */
    Optional<Boolean> withdraw(long signatureId, Instant now) {
        return jdbc.sql("""
                UPDATE petition_signature SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL
                RETURNING (confirmed_at IS NOT NULL AND invalidated_at IS NULL)""")
                .params(odt(now), signatureId).query(Boolean.class).optional();
    }

    int invalidate(long petitionId, String where, List<Object> args, long invalidationId, Instant now) {
        List<Object> params = new ArrayList<>();
        params.add(odt(now));
        params.add(invalidationId);
        params.add(petitionId);
        params.addAll(args);
        return jdbc.sql("UPDATE petition_signature SET invalidated_at = ?, invalidation_id = ? WHERE petition_id = ? AND invalidated_at IS NULL AND "
                + where).params(params).update();
    }

    long insertInvalidation(long petitionId, Invalidation.Kind kind, String value, String reason, Long actor, Instant now) {
        return jdbc.sql("""
                INSERT INTO petition_invalidation (petition_id, kind, value, reason, affected, created_at, actor_id)
                VALUES (?, ?, ?, ?, 0, ?, ?) RETURNING id""")
                .params(petitionId, kind.name(), value, reason, odt(now), actor).query(Long.class).single();
    }

    void setAffected(long invalidationId, int affected) {
        jdbc.sql("UPDATE petition_invalidation SET affected = ? WHERE id = ?").params(affected, invalidationId).update();
    }

    List<Invalidation.Done> invalidations(long petitionId) {
        return jdbc.sql("SELECT * FROM petition_invalidation WHERE petition_id = ? ORDER BY id DESC").param(petitionId)
                .query((rs, n) -> new Invalidation.Done(rs.getLong("id"), Invalidation.Kind.valueOf(rs.getString("kind")),
                        rs.getString("value"), rs.getString("reason"), rs.getInt("affected"), instant(rs, "created_at"))).list();
    }

    /** The sources with the most signatures on a petition since a moment: "ip", "subnet" or "email_domain". */
    Map<String, Integer> trending(long petitionId, String column, Instant since, int limit) {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + " AS v, count(*) AS n FROM petition_signature WHERE petition_id = ? AND created_at >= ?"
                        + " GROUP BY " + column + " ORDER BY n DESC, v LIMIT ?")
                .params(petitionId, odt(since), limit).query((rs, n) -> out.put(rs.getString("v"), rs.getInt("n"))).list();
        return out;
    }

    /** Raises (or updates) an open alert; not again for what a moderator has seen, unless more signatures came since. */
    void raiseAlert(long petitionId, Alert.Kind kind, String value, int signatures, int threshold, Instant now) {
        jdbc.sql("""
                INSERT INTO petition_alert (petition_id, kind, value, signatures, threshold, raised_at, updated_at)
                SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM petition_alert seen WHERE seen.petition_id = ?
                    AND seen.kind = ? AND seen.value = ? AND seen.acknowledged_at IS NOT NULL AND seen.signatures >= ?)
                ON CONFLICT (petition_id, kind, value) WHERE acknowledged_at IS NULL
                DO UPDATE SET signatures = greatest(petition_alert.signatures, excluded.signatures), updated_at = excluded.updated_at""")
                .params(petitionId, kind.name(), value, signatures, threshold, odt(now), odt(now), petitionId, kind.name(), value, signatures)
                .update();
    }

    /** A petition's signatures from one email domain within its process's rate window. */
    record DomainTally(long processId, long petitionId, String domain, int signatures) {
    }

    /** Signatures per domain on each petition that can still be signed, within its process's rate window (by whole minutes). */
    List<DomainTally> domainTallies(Instant now, int defaultWindowMinutes) {
        return jdbc.sql("""
                SELECT p.process_id, t.petition_id, t.domain, sum(t.signatures)::int AS n FROM petition_domain_tally t
                JOIN petition p ON p.id = t.petition_id AND p.status IN ('GATHERING', 'MODERATION', 'OPEN')
                LEFT JOIN petition_settings s ON s.process_id = p.process_id
                WHERE t.minute >= date_trunc('minute', ?::timestamptz - make_interval(mins => coalesce(s.rate_window_minutes, ?)))
                GROUP BY p.process_id, t.petition_id, t.domain""")
                .params(odt(now), defaultWindowMinutes)
                .query((rs, n) -> new DomainTally(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** Drops the tallies that no process's rate window (nor the default) reaches any more. */
    void forgetDomainTallies(Instant now, int defaultWindowMinutes) {
        jdbc.sql("""
                DELETE FROM petition_domain_tally WHERE minute < date_trunc('minute', ?::timestamptz - make_interval(mins =>
                    (SELECT greatest(?, coalesce(max(rate_window_minutes), 0)) FROM petition_settings)))""")
                .params(odt(now), defaultWindowMinutes).update();
    }

    // --- responses

    void insertDue(long petitionId, Long partyId, Instant due) {
        jdbc.sql("INSERT INTO petition_response (petition_id, party_id, due_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(petitionId, partyId, odt(due)).update();
    }

    /** Records a response; false if this addressee has already responded. */
    boolean respond(long petitionId, Long partyId, String body, long accountId, Instant now) {
        insertDue(petitionId, partyId, now);
        return jdbc.sql("UPDATE petition_response SET body = ?, responded_at = ?, responder_id = ? WHERE petition_id = ? AND "
                        + (partyId == null ? "party_id IS NULL" : "party_id = ?") + " AND responded_at IS NULL")
                .params(partyId == null ? List.of(body, odt(now), accountId, petitionId) : List.of(body, odt(now), accountId, petitionId, partyId))
                .update() == 1;
    }

    List<Petition.Response> responses(long petitionId, Instant now) {
        return jdbc.sql("SELECT * FROM petition_response WHERE petition_id = ? ORDER BY party_id NULLS FIRST").param(petitionId)
                .query((rs, n) -> {
                    Instant due = instant(rs, "due_at");
                    Instant at = instant(rs, "responded_at");
                    Long party = rs.getObject("party_id") == null ? null : rs.getLong("party_id");
                    return new Petition.Response(party, due, rs.getString("body"), at, at == null && due.isBefore(now));
                }).list();
    }

    // --- blocks

    void insertBlock(long processId, Block b, Instant now) {
        jdbc.sql("""
                INSERT INTO petition_block (process_id, kind, value, reason, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (process_id, kind, value) DO UPDATE SET reason = excluded.reason""")
                .params(processId, b.kind().name(), b.value(), b.reason().strip(), odt(now)).update();
    }

    List<Block> blocks(long processId) {
        return jdbc.sql("SELECT * FROM petition_block WHERE process_id = ? ORDER BY id DESC").param(processId)
                .query((rs, n) -> new Block(rs.getLong("id"), Block.Kind.valueOf(rs.getString("kind")), rs.getString("value"),
                        rs.getString("reason"), instant(rs, "created_at"))).list();
    }

    boolean blocked(long processId, Block.Kind kind, String value) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM petition_block WHERE process_id = ? AND kind = ? AND value = ?)")
                .params(processId, kind.name(), value).query(Boolean.class).single();
    }

    // --- tallies

    void insertTally(Tally t) {
        jdbc.sql("INSERT INTO petition_tally (petition_id, signatures, sha256, reason, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(t.petitionId(), t.signatures(), t.sha256(), t.reason(), odt(t.at())).update();
    }

    Optional<Tally> lastTally(long petitionId) {
        return jdbc.sql("SELECT * FROM petition_tally WHERE petition_id = ? ORDER BY id DESC LIMIT 1").param(petitionId)
                .query((rs, n) -> new Tally(petitionId, rs.getInt("signatures"), rs.getString("sha256"), rs.getString("reason"),
                        instant(rs, "created_at"))).optional();
    }

    List<Tally> tallies(long petitionId) {
        return jdbc.sql("SELECT * FROM petition_tally WHERE petition_id = ? ORDER BY id DESC LIMIT 50").param(petitionId)
                .query((rs, n) -> new Tally(petitionId, rs.getInt("signatures"), rs.getString("sha256"), rs.getString("reason"),
                        instant(rs, "created_at"))).list();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
