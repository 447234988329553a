package org.parley.petitions;

import java.time.Clock;
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
 * Alerts to moderators on trending sources. A source trends when, within the petition's rate window, it reaches half
 * of what the rate limits allow: half the per-IP limit for an address, half the per-subnet limit for a
 * subnet or for an email domain that is not one of the big public providers (where many honest signers share it).
 * An alert a moderator has marked as seen comes back only when more signatures arrive from the same source.
 * Addresses and subnets are judged by the signing batch, from the counts it reads for the rate limits anyway;
 * domains by a scan every minute over the batches' tallies per domain and minute. Neither reads the signatures
 * themselves, which at national scale (millions an hour on one petition) a scan every minute could not.
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

    /**
     * Raises (or updates) the alerts on trending email domains of every petition that can still be signed, from the
     * signing batches' tallies per domain and minute; returns how many alerts are open after it. Addresses and subnets
     * are raised by the signing batch itself ({@link #raiseIfTrending}), from the counts it reads for the rate limits.
     */
    @Transactional
    public int scan() {
        Instant now = clock.instant();
        int defaultWindow = PetitionSettings.DEFAULTS.rateWindowMinutes();
        List<PetitionStore.DomainTally> tallies = store.domainTallies(now, defaultWindow);
        Map<Long, PetitionSettings> settings = store.settingsOf(tallies.stream().map(PetitionStore.DomainTally::processId).distinct().toList());
        for (PetitionStore.DomainTally t : tallies) {
            raiseIfTrending(store, t.petitionId(), Alert.Kind.DOMAIN, t.domain(), t.signatures(),
                    settings.getOrDefault(t.processId(), PetitionSettings.DEFAULTS), now);
        }
        store.forgetDomainTallies(now, defaultWindow);
        return jdbc.sql("SELECT count(*) FROM petition_alert WHERE acknowledged_at IS NULL").query(Integer.class).single();
    }

    /** A domain whose crowd of signers says something: not one of the big providers, where many honest signers share it. */
    static boolean watched(String domain) {
        return !EmailAddresses.PROVIDERS.containsKey(domain) && !PUBLIC_PROVIDERS.contains(domain);
    }

    /**
     * Raises (or updates) the alert on a source that reached its threshold within the rate window, in the caller's
     * transaction; not again for what a moderator has already seen, only when more signatures came from it since.
     */
    static void raiseIfTrending(PetitionStore store, long petitionId, Alert.Kind kind, String value, int signatures, PetitionSettings s, Instant now) {
        int threshold = threshold(kind, s);
        if (signatures >= threshold) {
            store.raiseAlert(petitionId, kind, value, signatures, threshold, now);
        }
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
