package org.parley.petitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.platform.ForbiddenException;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts to moderators on trending sources, raised by a scan every minute (off the signing path, so a
 * signature costs nothing more). A source trends when, within the petition's rate window, it reaches half
 * of what the rate limits allow: half the per-IP limit for an address, half the per-subnet limit for a
 * subnet or for an email domain that is not one of the big public providers (where many honest signers share it).
 * An alert a moderator has marked as seen comes back only when more signatures arrive from the same source.
 */
@Service
@Transactional(readOnly = true)
public class PetitionAlerts {

    /** Domains so many people use that a crowd from them says nothing. */
    static final Set<String> PUBLIC_PROVIDERS = Set.of("yahoo.com", "ukr.net", "i.ua", "meta.ua", "mail.ru", "bk.ru", "inbox.ru", "list.ru",
            "rambler.ru", "gmx.de", "gmx.net", "web.de", "aol.com", "zoho.com", "tutanota.com", "ya.ru");

    private final JdbcClient jdbc;
    private final PetitionStore store;
    private final Processes processes;
    private final Clock clock;

    PetitionAlerts(JdbcClient jdbc, PetitionStore store, Processes processes, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.processes = processes;
        this.clock = clock;
    }

    static int threshold(Alert.Kind kind, PetitionSettings s) {
        return switch (kind) {
            case IP -> Math.max(2, (s.rateLimitIp() + 1) / 2);
            case SUBNET, DOMAIN -> Math.max(2, (s.rateLimitSubnet() + 1) / 2);
        };
    }

    @Scheduled(fixedDelayString = "${parley.petitions.alert-interval:PT1M}", initialDelayString = "${parley.petitions.alert-interval:PT1M}")
    @Transactional
    void tick() {
        scan();
    }

    /** Raises (or updates) the alerts of every petition that can still be signed; returns how many alerts are open after it. */
    @Transactional
    public int scan() {
        Instant now = clock.instant();
        List<long[]> petitions = jdbc.sql("SELECT id, process_id FROM petition WHERE status IN ('GATHERING', 'MODERATION', 'OPEN')")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] p : petitions) {
            PetitionSettings s = store.settings(p[1]).orElse(PetitionSettings.DEFAULTS);
            Instant since = now.minus(Duration.ofMinutes(s.rateWindowMinutes()));
            raise(p[0], Alert.Kind.IP, store.trending(p[0], "ip", since, 5), threshold(Alert.Kind.IP, s), now);
            raise(p[0], Alert.Kind.SUBNET, store.trending(p[0], "subnet", since, 5), threshold(Alert.Kind.SUBNET, s), now);
            Map<String, Integer> domains = store.trending(p[0], "email_domain", since, 10);
            domains.keySet().removeIf(d -> EmailAddresses.PROVIDERS.containsKey(d) || PUBLIC_PROVIDERS.contains(d));
            raise(p[0], Alert.Kind.DOMAIN, domains, threshold(Alert.Kind.DOMAIN, s), now);
        }
        return jdbc.sql("SELECT count(*) FROM petition_alert WHERE acknowledged_at IS NULL").query(Integer.class).single();
    }

    private void raise(long petitionId, Alert.Kind kind, Map<String, Integer> counts, int threshold, Instant now) {
        counts.forEach((value, n) -> {
            if (n >= threshold) {
                // Not again for what a moderator has already seen: only when more signatures came from it since.
                jdbc.sql("""
                        INSERT INTO petition_alert (petition_id, kind, value, signatures, threshold, raised_at, updated_at)
                        SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM petition_alert seen WHERE seen.petition_id = ?
                            AND seen.kind = ? AND seen.value = ? AND seen.acknowledged_at IS NOT NULL AND seen.signatures >= ?)
                        ON CONFLICT (petition_id, kind, value) WHERE acknowledged_at IS NULL
                        DO UPDATE SET signatures = greatest(petition_alert.signatures, excluded.signatures), updated_at = excluded.updated_at""")
                        .params(petitionId, kind.name(), value, n, threshold, PetitionStore.odt(now), PetitionStore.odt(now),
                                petitionId, kind.name(), value, n).update();
            }
        });
    }

    /** Open alerts of the process (or of one petition), newest first: the mediator's. */
    public List<Alert> open(long processId, Long petitionId, Viewer viewer) {
        processes.get(processId);
        if (!processes.mediates(processId, viewer)) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
        return jdbc.sql("""
                SELECT a.*, p.title FROM petition_alert a JOIN petition p ON p.id = a.petition_id
                WHERE p.process_id = ? AND a.acknowledged_at IS NULL AND (?::bigint IS NULL OR a.petition_id = ?)
                ORDER BY a.updated_at DESC, a.id DESC""")
                .params(processId, petitionId, petitionId)
                .query((rs, n) -> new Alert(rs.getLong("id"), rs.getLong("petition_id"), rs.getString("title"),
                        Alert.Kind.valueOf(rs.getString("kind")), rs.getString("value"), rs.getInt("signatures"), rs.getInt("threshold"),
                        PetitionStore.instant(rs, "raised_at"), PetitionStore.instant(rs, "updated_at"))).list();
    }

    /** The moderator has looked at it (and invalidated, blocked or judged it fine); returns its petition. */
    @Transactional
    public long acknowledge(long processId, long alertId, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        return jdbc.sql("""
                UPDATE petition_alert a SET acknowledged_at = ?, acknowledged_by = ? FROM petition p
                WHERE a.id = ? AND p.id = a.petition_id AND p.process_id = ? AND a.acknowledged_at IS NULL RETURNING a.petition_id""")
                .params(PetitionStore.odt(clock.instant()), viewer.accountId(), alertId, processId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("alert", alertId));
    }
}
