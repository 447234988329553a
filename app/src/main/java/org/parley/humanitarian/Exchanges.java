package org.parley.humanitarian;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.parley.commitments.Commitments;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.parley.roadmap.Roadmap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges of prisoners of war, civilians and remains: the numbers each side agreed to release, rounds with
 * dates and numbers verified by a named organisation, and progress against the agreed totals. An exchange may
 * hang on a roadmap milestone and on the commitment of an adopted text that requires it. Every round goes on
 * the public record.
 */
@Service
@Transactional(readOnly = true)
public class Exchanges {

    public record NewExchange(@NotNull ExchangeKind kind, @NotBlank @Size(max = 300) String title, @NotNull Long sideAPartyId,
                              @NotNull Long sideBPartyId, @NotNull Integer agreedA, @NotNull Integer agreedB, Long verifierId, Long milestoneId,
                              Long commitmentId) {
    }

    public record NewRound(@NotNull LocalDate heldOn, @NotNull Integer releasedA, @NotNull Integer releasedB, @NotNull Long verifiedById) {
    }

    public record Round(int roundNo, LocalDate heldOn, int releasedA, int releasedB, String verifiedBy) {
    }

    /** An exchange with what has been released so far and the progress against the agreed total, in percent. */
    public record Exchange(long id, long processId, ExchangeKind kind, String title, long sideAPartyId, String sideA, long sideBPartyId,
                           String sideB, int agreedA, int agreedB, String verifier, Long milestoneId, Long commitmentId, List<Round> rounds,
                           int releasedA, int releasedB, int progress) {

        static Exchange of(long id, long processId, ExchangeKind kind, String title, long sideAPartyId, String sideA, long sideBPartyId,
                           String sideB, int agreedA, int agreedB, String verifier, Long milestoneId, Long commitmentId, List<Round> rounds) {
            int a = rounds.stream().mapToInt(Round::releasedA).sum();
            int b = rounds.stream().mapToInt(Round::releasedB).sum();
            int agreed = agreedA + agreedB;
            int progress = agreed == 0 ? 0 : (int) Math.round(100.0 * (a + b) / agreed);
            return new Exchange(id, processId, kind, title, sideAPartyId, sideA, sideBPartyId, sideB, agreedA, agreedB, verifier, milestoneId,
                    commitmentId, rounds, a, b, progress);
        }
    }

    private final JdbcClient jdbc;
    private final Processes processes;
    private final Humanitarian humanitarian;
    private final Roadmap roadmap;
    private final Commitments commitments;
    private final PublicRecord record;
    private final Clock clock;

    Exchanges(JdbcClient jdbc, Processes processes, Humanitarian humanitarian, Roadmap roadmap, Commitments commitments, PublicRecord record,
              Clock clock) {
        this.commitments = commitments;
        this.jdbc = jdbc;
        this.processes = processes;
        this.humanitarian = humanitarian;
        this.roadmap = roadmap;
        this.record = record;
        this.clock = clock;
    }

    public List<Exchange> exchanges(long processId) {
        processes.get(processId);
        return jdbc.sql("SELECT id FROM hum_exchange WHERE process_id = ? ORDER BY id").param(processId).query(Long.class).list()
                .stream().map(id -> load(processId, id)).toList();
    }

    /** The commitments an exchange may be tied to: those the viewer may see. */
    public List<org.parley.commitments.Commitment> commitments(long processId, Viewer viewer) {
        return commitments.list(processId, viewer);
    }

    public Exchange exchange(long processId, long exchangeId) {
        processes.get(processId);
        return load(processId, exchangeId);
    }

    /** Agreed by the parties at the table, so recorded by the process's mediators. */
    @Transactional
    public Exchange create(long processId, NewExchange c, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        processes.requireParties(processId, "sideAPartyId", List.of(c.sideAPartyId()));
        processes.requireParties(processId, "sideBPartyId", List.of(c.sideBPartyId()));
        if (c.sideAPartyId().equals(c.sideBPartyId())) {
            problems.add(new FieldProblem("sideBPartyId", "humanitarian.exchange.sameSide"));
        }
        Humanitarian.notNegative("agreedA", c.agreedA(), problems);
        Humanitarian.notNegative("agreedB", c.agreedB(), problems);
        if (c.verifierId() != null && humanitarian.organisations(processId).stream().noneMatch(o -> o.id() == c.verifierId())) {
            problems.add(new FieldProblem("verifierId", "humanitarian.organisation.unknown", c.verifierId()));
        }
        if (c.milestoneId() != null && roadmap.milestones(processId).stream().noneMatch(m -> m.id() == c.milestoneId())) {
            problems.add(new FieldProblem("milestoneId", "humanitarian.exchange.milestoneUnknown", c.milestoneId()));
        }
        // The mediator sees every commitment of the process, confidential ones included.
        if (c.commitmentId() != null && commitments.list(processId, viewer).stream().noneMatch(m -> m.id() == c.commitmentId())) {
            problems.add(new FieldProblem("commitmentId", "humanitarian.exchange.commitmentUnknown", String.valueOf(c.commitmentId())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO hum_exchange (process_id, kind, title, side_a_party_id, side_b_party_id, agreed_a, agreed_b, verifier_id, milestone_id,
                                                  commitment_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processId, c.kind().name(), c.title().trim(), c.sideAPartyId(), c.sideBPartyId(), c.agreedA(), c.agreedB(),
                        c.verifierId(), c.milestoneId(), c.commitmentId()).query(Long.class).single();
        return load(processId, id);
    }

    /** A round as verified: by the process's mediators or an agency. Releases beyond the agreed numbers are refused. */
    @Transactional
    public Exchange recordRound(long processId, long exchangeId, NewRound r, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        jdbc.sql("SELECT id FROM hum_exchange WHERE id = ? AND process_id = ? FOR UPDATE").params(exchangeId, processId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("exchange", exchangeId));
        Exchange e = load(processId, exchangeId);
        List<FieldProblem> problems = new ArrayList<>();
        Humanitarian.notNegative("releasedA", r.releasedA(), problems);
        Humanitarian.notNegative("releasedB", r.releasedB(), problems);
        if (r.releasedA() + r.releasedB() == 0) {
            problems.add(new FieldProblem("releasedA", "humanitarian.exchange.emptyRound"));
        }
        if (e.releasedA() + r.releasedA() > e.agreedA()) {
            problems.add(new FieldProblem("releasedA", "humanitarian.exchange.aboveAgreed", e.agreedA() - e.releasedA()));
        }
        if (e.releasedB() + r.releasedB() > e.agreedB()) {
            problems.add(new FieldProblem("releasedB", "humanitarian.exchange.aboveAgreed", e.agreedB() - e.releasedB()));
        }
        if (humanitarian.organisations(processId).stream().noneMatch(o -> o.id() == r.verifiedById())) {
            problems.add(new FieldProblem("verifiedById", "humanitarian.organisation.unknown", r.verifiedById()));
        }
        if (r.heldOn().isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("heldOn", "humanitarian.exchange.inFuture"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int roundNo = e.rounds().size() + 1;
        jdbc.sql("INSERT INTO hum_exchange_round (exchange_id, round_no, held_on, released_a, released_b, verified_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(exchangeId, roundNo, r.heldOn(), r.releasedA(), r.releasedB(), r.verifiedById()).update();
        Exchange after = load(processId, exchangeId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", e.kind().name());
        data.put("round", roundNo);
        data.put("heldOn", r.heldOn().toString());
        data.put("releasedBy", Map.of(e.sideA(), r.releasedA(), e.sideB(), r.releasedB()));
        data.put("verifiedBy", after.rounds().getLast().verifiedBy());
        data.put("progressPercent", after.progress());
        record.append(Fact.of("exchange.round", processId, "exchange/" + exchangeId, clock.instant(), viewer.role().name(), data));
        return after;
    }

    private Exchange load(long processId, long id) {
        Map<Long, String> parties = new LinkedHashMap<>();
        for (Party p : processes.parties(processId)) {
            parties.put(p.id(), p.shortName());
        }
        List<Round> rounds = jdbc.sql("""
                        SELECT r.round_no, r.held_on, r.released_a, r.released_b, o.acronym FROM hum_exchange_round r
                        LEFT JOIN hum_organisation o ON o.id = r.verified_by WHERE r.exchange_id = ? ORDER BY r.round_no""")
                .param(id).query((rs, n) -> new Round(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4), rs.getString(5)))
                .list();
        return jdbc.sql("""
                        SELECT e.id, e.process_id, e.kind, e.title, e.side_a_party_id, e.side_b_party_id, e.agreed_a, e.agreed_b, o.acronym, e.milestone_id, e.commitment_id
                        FROM hum_exchange e LEFT JOIN hum_organisation o ON o.id = e.verifier_id WHERE e.id = ? AND e.process_id = ?""")
                .params(id, processId).query((rs, n) -> Exchange.of(rs.getLong(1), rs.getLong(2), ExchangeKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getLong(5), parties.get(rs.getLong(5)), rs.getLong(6), parties.get(rs.getLong(6)), rs.getInt(7),
                        rs.getInt(8), rs.getString(9), (Long) rs.getObject(10), (Long) rs.getObject(11), rounds)).optional()
                .orElseThrow(() -> new NotFoundException("exchange", id));
    }
}
