package org.parley.engagement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.parley.engagement.opinion.OpinionMap;
import org.parley.engagement.opinion.Scores;
import org.parley.engagement.opinion.VoteMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes a consultation's opinion map from the committed votes and stores it as its report. Runs
 * in the background (see {@link MapScheduler}); votes never wait for it. The previous run's state
 * (component signs, base clusters, the k streak) is kept with the map so k and group labels stay
 * stable from run to run, on every node.
 *
 * <p>Each node keeps the vote matrix of the consultations it maps ({@link Live}) and, on each round, reads
 * only the votes changed since the last one (by their time, with a margin for transactions that commit a
 * little after they were stamped), so a consultation of millions of votes is not read again every second.
 * The whole matrix is read again when a statement leaves the map (rejected), at least every
 * {@link #FULL_READ_EVERY}, and for the final map at closing, which is always computed from everything.
 * After each full read, and at least every {@link #SNAPSHOT_EVERY}, the node keeps a copy of the matrix on
 * disk ({@link MatrixSnapshots}): after a restart it starts from the copy and reads the votes changed since.
 */
@Component
class OpinionMaps {

    private static final Logger log = LoggerFactory.getLogger(OpinionMaps.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Votes stamped this long before the latest one read are read again: a vote's transaction commits well within it. */
    static final Duration MARGIN = Duration.ofSeconds(10);
    static final Duration FULL_READ_EVERY = Duration.ofHours(1);
    /** How stale this node's copy on disk may get: a restart then reads at most this much of votes again. */
    static final Duration SNAPSHOT_EVERY = Duration.ofMinutes(5);

    record StoredState(String fingerprint, OpinionMap.State state) {
    }

    /**
     * A consultation's vote matrix as this node last read it: its columns (accepted statements, in column
     * order), its rows (participants, in the order first seen), and the latest vote time read.
     */
    record Live(List<Statement> statements, LongIntMap column, long[] participantIds, LongIntMap row, VoteMatrix matrix,
                Instant latestVote, Instant readAt) {
    }

    private final ConsultationStore store;
    private final DemographicStore demographics;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final MatrixSnapshots snapshots;
    /** When this node last wrote its copy of a consultation's matrix (its latest vote then). */
    private final Map<Long, Instant> snapshotAt = new ConcurrentHashMap<>();
    private volatile long lastMathMs;
    private volatile Round lastRound;

    /**
     * What the last round on this node took (for the benchmark): reading (with loading the copy on disk, when it
     * started from one), the math, the report with its storing, and writing the copy on disk (0 when not written).
     */
    record Round(boolean incremental, boolean fromSnapshot, long readMs, long mathMs, long reportMs, long snapshotMs) {
    }

    OpinionMaps(ConsultationStore store, DemographicStore demographics, MatrixSnapshots snapshots, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.snapshots = snapshots;
        this.demographics = demographics;
        this.tx = tx;
        this.clock = clock;
    }

    /** Recomputes the map if votes, statements or answers changed since the stored one; true when it did. */
    boolean refresh(long consultationId) {
        synchronized (locks.computeIfAbsent(consultationId, k -> new Object())) {
            String fp = store.fingerprint(consultationId);
            if (fp.equals(store.mapFingerprint(consultationId).orElse(null))) {
                return false;
            }
            long t0 = System.nanoTime();
            Live kept = live.get(consultationId);
            Live before = kept != null ? kept : fromSnapshot(consultationId);
            Live now = tx.execute(st -> before == null ? read(consultationId) : update(consultationId, before));
            long t1 = System.nanoTime();
            live.put(consultationId, now);
            Report report = compute(consultationId, fp, now, false);
            long t2 = System.nanoTime();
            boolean incremental = before != null && now.readAt().equals(before.readAt());
            keepSnapshot(consultationId, now, !incremental);
            long t3 = System.nanoTime();
            lastRound = new Round(incremental, incremental && kept == null, (t1 - t0) / 1_000_000, lastMathMs, (t2 - t1) / 1_000_000 - lastMathMs,
                    (t3 - t2) / 1_000_000);
            log.debug("Opinion map of consultation {}: {} participants, {} groups", consultationId, report.included(), report.groupCount());
            return true;
        }
    }

    /**
     * The final map at closing: reads every vote and computes in the caller's transaction, stores it as final
     * (never replaced) and forgets this node's matrix of the consultation.
     */
    Report computeFinal(long consultationId, String fingerprint) {
        synchronized (locks.computeIfAbsent(consultationId, k -> new Object())) {
            live.remove(consultationId);
            snapshots.delete(consultationId);
            snapshotAt.remove(consultationId);
            return compute(consultationId, fingerprint, tx.execute(st -> read(consultationId)), true);
        }
    }

    /** Keeps this node's matrices of these consultations only (the others are closed or gone). */
    void retainOnly(java.util.Collection<Long> consultationIds) {
        Set<Long> keep = new HashSet<>(consultationIds);
        live.keySet().retainAll(keep);
        snapshotAt.keySet().retainAll(keep);
        snapshots.retainOnly(keep);
    }

    /** Drops this node's matrix of a consultation from memory only, as a restart does (for tests and the benchmark). */
    void forget(long consultationId) {
        live.remove(consultationId);
        snapshotAt.remove(consultationId);
    }

    /** The matrix as this node's copy on disk left it, or null when there is no usable copy. */
    private Live fromSnapshot(long consultationId) {
        Instant createdAt = store.createdAt(consultationId).orElse(null);
        MatrixSnapshots.Snapshot s = createdAt == null ? null : snapshots.load(consultationId, createdAt).orElse(null);
        if (s == null) {
            return null;
        }
        Map<Long, Statement> accepted = new HashMap<>();
        store.statements(consultationId, Statement.Status.ACCEPTED).forEach(st -> accepted.put(st.id(), st));
        List<Statement> statements = new ArrayList<>(s.statementIds().length);
        LongIntMap column = new LongIntMap(s.statementIds().length);
        for (long id : s.statementIds()) {
            Statement st = accepted.get(id);
            if (st == null) {
                return null; // a statement left the map since: everything is read again anyway
            }
            column.put(id, statements.size());
            statements.add(st);
        }
        LongIntMap row = new LongIntMap(Math.max(1024, s.participantIds().length));
        for (int r = 0; r < s.participantIds().length; r++) {
            row.put(s.participantIds()[r], r);
        }
        snapshotAt.put(consultationId, s.latestVote() == null ? s.readAt() : s.latestVote());
        return new Live(List.copyOf(statements), column, s.participantIds(), row, s.matrix(), s.latestVote(), s.readAt());
    }

    /** Writes this node's copy of the matrix after a full read, or when the copy is {@link #SNAPSHOT_EVERY} behind its votes. */
    private void keepSnapshot(long consultationId, Live now, boolean fullRead) {
        Instant votesUpTo = now.latestVote() == null ? now.readAt() : now.latestVote();
        Instant written = snapshotAt.get(consultationId);
        if (!fullRead && written != null && !written.plus(SNAPSHOT_EVERY).isBefore(votesUpTo)) {
            return;
        }
        Instant createdAt = store.createdAt(consultationId).orElse(null);
        if (createdAt == null) {
            return;
        }
        long[] statementIds = now.statements().stream().mapToLong(Statement::id).toArray();
        snapshots.save(consultationId, createdAt, new MatrixSnapshots.Snapshot(statementIds, now.participantIds(), now.matrix(), now.latestVote(),
                now.readAt()));
        snapshotAt.put(consultationId, votesUpTo);
    }

    Round lastRound() {
        return lastRound;
    }

    /** This node's matrix of a consultation as the last round left it (for tests). */
    Live live(long consultationId) {
        return live.get(consultationId);
    }

    /** Every vote read afresh (for tests). */
    Live readAll(long consultationId) {
        return tx.execute(st -> read(consultationId));
    }

    private Report compute(long consultationId, String fingerprint, Live m, boolean fin) {
        OpinionMap.State previous = store.map(consultationId).map(x -> JSON.readValue(x.state(), StoredState.class).state()).orElse(null);
        long t0 = System.nanoTime();
        OpinionMap.Result r = OpinionMap.compute(m.matrix(), previous);
        lastMathMs = (System.nanoTime() - t0) / 1_000_000;
        Instant now = clock.instant();
        Report report = report(consultationId, now, m, r, breakdown(consultationId, m, r));
        String reportJson = JSON.writeValueAsString(report);
        String stateJson = JSON.writeValueAsString(new StoredState(fingerprint, r.state()));
        tx.executeWithoutResult(st -> store.saveMap(consultationId, now, m.matrix().votes(), reportJson, stateJson, fin));
        return report;
    }

    /** The whole matrix. */
    private Live read(long consultationId) {
        Instant latest = store.latestVote(consultationId).orElse(null);
        List<Statement> statements = store.statements(consultationId, Statement.Status.ACCEPTED);
        LongIntMap column = new LongIntMap(statements.size());
        for (int j = 0; j < statements.size(); j++) {
            column.put(statements.get(j).id(), j);
        }
        Rows rows = new Rows(new long[1024], 0, new LongIntMap(1024));
        VoteMatrix.Builder votes = new VoteMatrix.Builder(statements.size(), 1024);
        store.eachVoteSince(consultationId, null, (participant, statement, vote) -> {
            int j = column.get(statement);
            if (j >= 0) {
                votes.add(rows.of(participant), j, vote);
            }
        });
        VoteMatrix matrix = votes.build(rows.count);
        return new Live(statements, column, Arrays.copyOf(rows.ids, rows.count), rows.index, matrix, latest, clock.instant());
    }

    /** The matrix brought up to date with the votes changed since it was read, or read again when that is not enough. */
    private Live update(long consultationId, Live before) {
        Instant now = clock.instant();
        List<Statement> accepted = store.statements(consultationId, Statement.Status.ACCEPTED);
        Set<Long> ids = new HashSet<>();
        accepted.forEach(s -> ids.add(s.id()));
        Instant since = before.latestVote() == null ? null : before.latestVote().minus(MARGIN);
        // votes on a statement are only taken while it is accepted: one new to the map has none older than the margin,
        // unless it was published before (and rejected since, or waited long for moderation): then read everything
        boolean removed = before.statements().stream().anyMatch(s -> !ids.contains(s.id()));
        boolean older = since != null && accepted.stream().anyMatch(s -> before.column().get(s.id()) < 0 && s.createdAt().isBefore(since));
        if (removed || older || before.readAt().plus(FULL_READ_EVERY).isBefore(now)) {
            return read(consultationId);
        }
        Instant latest = store.latestVote(consultationId).orElse(before.latestVote());
        List<Statement> statements = new ArrayList<>(before.statements());
        LongIntMap column = before.column().copy();
        for (Statement s : accepted) {
            if (column.get(s.id()) < 0) {
                column.put(s.id(), statements.size());
                statements.add(s);
            }
        }
        // refresh translations and texts of the known ones (moderators may translate)
        Map<Long, Statement> current = new HashMap<>();
        accepted.forEach(s -> current.put(s.id(), s));
        statements.replaceAll(s -> current.getOrDefault(s.id(), s));
        Rows rows = new Rows(Arrays.copyOf(before.participantIds(), Math.max(1024, before.participantIds().length)), before.participantIds().length,
                before.row().copy());
        VoteMatrix.Builder changes = new VoteMatrix.Builder(statements.size(), 1024);
        store.eachVoteSince(consultationId, since, (participant, statement, vote) -> {
            int j = column.get(statement);
            if (j >= 0) {
                changes.add(rows.of(participant), j, vote);
            }
        });
        VoteMatrix matrix = before.matrix().merge(changes.build(rows.count));
        return new Live(List.copyOf(statements), column, Arrays.copyOf(rows.ids, rows.count), rows.index, matrix, latest, before.readAt());
    }

    /** Participants numbered as first seen. */
    private static final class Rows {
        long[] ids;
        int count;
        final LongIntMap index;

        Rows(long[] ids, int count, LongIntMap index) {
            this.ids = ids;
            this.count = count;
            this.index = index;
        }

        int of(long participant) {
            int r = index.get(participant);
            if (r >= 0) {
                return r;
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
            }
            ids[count] = participant;
            index.put(participant, count);
            return count++;
        }
    }

    /**
     * The demographic answers of the participants on the map, counted per opinion group and suppressed
     * where small.
     */
    private List<Report.Demographic> breakdown(long consultationId, Live m, OpinionMap.Result r) {
        List<Question> questions = demographics.questions(consultationId);
        if (questions.isEmpty()) {
            return List.of();
        }
        int k = r.k();
        int[] rowGroup = new int[m.participantIds().length];
        Arrays.fill(rowGroup, -1);
        for (int i = 0; i < r.included().length; i++) {
            rowGroup[r.included()[i]] = r.group()[i];
        }
        Map<Long, Integer> index = new HashMap<>();
        for (int q = 0; q < questions.size(); q++) {
            index.put(questions.get(q).id(), q);
        }
        int[][][] counts = new int[questions.size()][k][];
        for (int q = 0; q < questions.size(); q++) {
            for (int g = 0; g < k; g++) {
                counts[q][g] = new int[questions.get(q).options().size() + 1];
            }
        }
        demographics.eachAnswer(consultationId, (participant, question, option) -> {
            int row = m.row().get(participant);
            Integer q = index.get(question);
            if (row < 0 || q == null || rowGroup[row] < 0 || option >= questions.get(q).options().size()) {
                return; // not on the map (too few votes)
            }
            counts[q][rowGroup[row]][option]++;
        });
        int[] size = new int[k];
        for (int g : r.group()) {
            size[g]++;
        }
        List<Report.Demographic> out = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            List<Report.DemographicRow> groups = new ArrayList<>();
            for (int g = 0; g < k && r.included().length > 0; g++) {
                int[] cells = counts[q][g];
                int answered = 0;
                for (int o = 0; o < cells.length - 1; o++) {
                    answered += cells[o];
                }
                cells[cells.length - 1] = size[g] - answered;
                List<Integer> shown = Breakdown.suppress(cells, size[g]);
                groups.add(new Report.DemographicRow(g, new ArrayList<>(shown.subList(0, cells.length - 1)), shown.getLast()));
            }
            Question question = questions.get(q);
            out.add(new Report.Demographic(question.id(), question.text(), question.options(), groups));
        }
        return out;
    }

    private static Report report(long consultationId, Instant at, Live live, OpinionMap.Result r, List<Report.Demographic> demographics) {
        List<Statement> statements = live.statements();
        VoteMatrix matrix = live.matrix();
        int k = r.k();
        int s = statements.size();
        // everybody's votes per statement, on the map or not
        int[] agree = new int[s];
        int[] disagree = new int[s];
        int[] pass = new int[s];
        for (int p = 0; p < matrix.participants(); p++) {
            for (int q = matrix.start(p), e = matrix.end(p); q < e; q++) {
                int v = matrix.value(q);
                int[] c = v > 0 ? agree : v < 0 ? disagree : pass;
                c[matrix.column(q)]++;
            }
        }
        double[][] comps = r.state().components();
        double maxLoad = 0;
        double[] load = new double[s];
        for (int j = 0; j < s && comps != null; j++) {
            load[j] = Math.hypot(comps[0][j], comps[1][j]);
            maxLoad = Math.max(maxLoad, load[j]);
        }
        List<Report.StatementFigures> figures = new ArrayList<>();
        for (int j = 0; j < s; j++) {
            List<Report.GroupFigures> gf = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                gf.add(new Report.GroupFigures(r.agree()[g][j], r.disagree()[g][j], r.seen()[g][j]));
            }
            figures.add(new Report.StatementFigures(statements.get(j).id(), agree[j], disagree[j], pass[j], agree[j] + disagree[j] + pass[j],
                    r.groupInformedConsensus()[j], maxLoad == 0 ? 0 : load[j] / maxLoad, gf));
        }
        List<Report.Group> groups = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            List<Report.Representative> reps = new ArrayList<>();
            for (OpinionMap.Representative rep : r.representative().get(g)) {
                Scores.Repness x = rep.repness();
                reps.add(new Report.Representative(statements.get(rep.statement()).id(), rep.agree(), x.p(), x.pTest(), x.r(), x.rTest()));
            }
            groups.add(new Report.Group(g, r.groupSize(g), reps));
        }
        int n = r.included().length;
        int step = Math.max(1, (n + Report.MAX_POINTS - 1) / Report.MAX_POINTS);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < n; i += step) {
            points.add(new double[] {round(r.x()[i]), round(r.y()[i]), r.group()[i]});
        }
        return new Report(consultationId, at, matrix.participants(), n, matrix.votes(), k == 1 && n == 0 ? 0 : k, groups, figures,
                ids(statements, r.consensus()), ids(statements, r.consensusDisagree()), ids(statements, r.divisive()), points, demographics);
    }

    private static List<Long> ids(List<Statement> statements, List<Integer> columns) {
        return columns.stream().map(j -> statements.get(j).id()).toList();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    Report stored(long consultationId) {
        return store.map(consultationId).map(m -> JSON.readValue(m.report(), Report.class)).orElse(Report.empty(consultationId));
    }
}
