package org.parley.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.parley.platform.Accounts;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which observers serve a process, and in which team. An observer account acts in monitoring only in the
 * processes it serves: files reports, sees unverified events and other observers' reports, verifies, imports,
 * records sightings. Mediators of the process add and remove observers; who serves is on the public record
 * (by account number and team, not by name: monitors in a war zone are not named in public).
 */
@Service
@Transactional(readOnly = true)
public class Observers {

    /** An observer serving a process. */
    public record Member(long accountId, String displayName, String email, String team, Instant addedAt) {
    }

    /** A mediator's choice: the observer's account (by id or e-mail) and the team. */
    public record NewMember(Long accountId, String email, String team) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Processes processes;
    private final PublicRecord record;
    private final Clock clock;

    Observers(JdbcClient jdbc, Accounts accounts, Processes processes, PublicRecord record, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.processes = processes;
        this.record = record;
        this.clock = clock;
    }

    /** Whether the viewer is an observer serving the process. */
    public boolean serves(long processId, Viewer viewer) {
        return viewer.is(Role.OBSERVER) && viewer.accountId() != null
                && jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring_observer WHERE process_id = ? AND account_id = ?)")
                .params(processId, viewer.accountId()).query(Boolean.class).single();
    }

    /** The team an observer serves the process in, if any was given. */
    Optional<String> team(long processId, long accountId) {
        return jdbc.sql("SELECT team FROM monitoring_observer WHERE process_id = ? AND account_id = ?").params(processId, accountId)
                .query(String.class).optional();
    }

    /** The observers serving the process, for its mediators and its observers. */
    public List<Member> of(long processId, Viewer viewer) {
        processes.get(processId);
        if (!processes.mediates(processId, viewer) && !serves(processId, viewer)) {
            throw new ForbiddenException("monitoring.error.observersOnly");
        }
        return jdbc.sql("SELECT o.account_id, a.display_name, a.email, o.team, o.added_at FROM monitoring_observer o "
                        + "JOIN account a ON a.id = o.account_id WHERE o.process_id = ? ORDER BY o.team NULLS LAST, a.display_name")
                .param(processId).query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        MonitoringStore.instant(rs, "added_at"))).list();
    }

    /** Observer accounts that do not serve the process yet, for the mediators' form. */
    public List<Accounts.Account> candidates(long processId, Viewer viewer) {
        processes.get(processId);
        if (!processes.mediates(processId, viewer)) { // a read: no need for the mediator's lock on the process
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
        List<Long> serving = jdbc.sql("SELECT account_id FROM monitoring_observer WHERE process_id = ?").param(processId).query(Long.class).list();
        return accounts.all().stream().filter(a -> a.role() == Role.OBSERVER && !serving.contains(a.id())).toList();
    }

    /** A mediator makes an observer serve the process (or changes their team). */
    @Transactional
    public Member add(long processId, NewMember m, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        Accounts.Account account = null;
        if (m.accountId() != null) {
            account = accounts.find(m.accountId()).orElse(null);
        } else if (m.email() != null && !m.email().isBlank()) {
            account = accounts.findByEmail(m.email().strip()).orElse(null);
        }
        String field = m.accountId() == null && m.email() != null ? "email" : "accountId";
        if (account == null) {
            problems.add(new FieldProblem(field, "monitoring.observers.unknown"));
        } else if (account.role() != Role.OBSERVER) {
            problems.add(new FieldProblem(field, "monitoring.observers.notObserver"));
        }
        String team = m.team() == null || m.team().isBlank() ? null : m.team().strip();
        if (team != null && team.length() > Monitoring.MAX_SHORT) {
            problems.add(new FieldProblem("team", "monitoring.text.tooLong", Monitoring.MAX_SHORT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO monitoring_observer (process_id, account_id, team, added_by, added_at) VALUES (?,?,?,?,?) "
                        + "ON CONFLICT (process_id, account_id) DO UPDATE SET team = EXCLUDED.team")
                .params(processId, account.id(), team, viewer.accountId(), MonitoringStore.ts(now)).update();
        record.append(Fact.of("monitoring.observer_serves", processId, "account/" + account.id(), now, Role.MEDIATOR.name(),
                Monitoring.data("observer", account.id(), "team", team)));
        long id = account.id();
        return of(processId, viewer).stream().filter(x -> x.accountId() == id).findFirst().orElseThrow();
    }

    /** A mediator ends an observer's service in the process; their reports and decisions stay. */
    @Transactional
    public void remove(long processId, long accountId, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        int n = jdbc.sql("DELETE FROM monitoring_observer WHERE process_id = ? AND account_id = ?").params(processId, accountId).update();
        if (n == 0) {
            throw new NotFoundException("observer", accountId);
        }
        record.append(Fact.of("monitoring.observer_left", processId, "account/" + accountId, clock.instant(), Role.MEDIATOR.name(),
                Monitoring.data("observer", accountId)));
    }
}
