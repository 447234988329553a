package org.parley.engagement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 */
@Component
class OpinionMaps {

    private static final Logger log = LoggerFactory.getLogger(OpinionMaps.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    record StoredState(String fingerprint, OpinionMap.State state) {
    }

    private final ConsultationStore store;
    private final DemographicStore demographics;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    OpinionMaps(ConsultationStore store, DemographicStore demographics, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.demographics = demographics;
        this.tx = tx;
        this.clock = clock;
    }

    /** Recomputes the map if votes or statements changed since the stored one; true when it did. */
    boolean refresh(long consultationId) {
        synchronized (locks.computeIfAbsent(consultationId, k -> new Object())) {
            String fp = store.fingerprint(consultationId);
            if (fp.equals(store.mapFingerprint(consultationId).orElse(null))) {
                return false;
            }
            Report report = compute(consultationId, fp);
            log.debug("Opinion map of consultation {}: {} participants, {} groups", consultationId, report.included(), report.groupCount());
            return true;
        }
    }

    /** Recomputes now, in the caller's transaction when there is one, and stores the result. */
    Report compute(long consultationId, String fingerprint) {
        List<Statement> statements = store.statements(consultationId, Statement.Status.ACCEPTED);
        Map<Long, Integer> column = new HashMap<>();
        for (int j = 0; j < statements.size(); j++) {
            column.put(statements.get(j).id(), j);
        }
        int s = statements.size();
        int[] agree = new int[s];
        int[] disagree = new int[s];
        int[] pass = new int[s];
        long[] lastParticipant = {Long.MIN_VALUE};
        int[] participants = {0};
        VoteBuffer vb = new VoteBuffer();
        store.eachVote(consultationId, (participant, statement, vote) -> {
            Integer j = column.get(statement);
            if (j == null) {
                return;
            }
            if (participant != lastParticipant[0]) {
                lastParticipant[0] = participant;
                participants[0]++;
                vb.participant(participant);
            }
            vb.add(participants[0] - 1, j, vote);
            if (vote > 0) {
                agree[j]++;
            } else if (vote < 0) {
                disagree[j]++;
            } else {
                pass[j]++;
            }
        });
        VoteMatrix.Builder b = new VoteMatrix.Builder(participants[0], s, vb.n);
        for (int i = 0; i < vb.n; i++) {
            b.add(vb.p[i], vb.s[i], vb.v[i]);
        }
        VoteMatrix matrix = b.build();
        OpinionMap.State previous = store.map(consultationId).map(m -> JSON.readValue(m.state(), StoredState.class).state()).orElse(null);
        OpinionMap.Result r = OpinionMap.compute(matrix, previous);
        Instant now = clock.instant();
        List<Report.Demographic> breakdown = breakdown(consultationId, vb.ids, participants[0], r);
        Report report = report(consultationId, now, statements, agree, disagree, pass, matrix, r, breakdown);
        String reportJson = JSON.writeValueAsString(report);
        String stateJson = JSON.writeValueAsString(new StoredState(fingerprint, r.state()));
        tx.executeWithoutResult(st -> store.saveMap(consultationId, now, matrix.votes(), reportJson, stateJson));
        return report;
    }

    /**
     * The demographic answers of the participants on the map, counted per opinion group and suppressed
     * where small. {@code ids} are the matrix rows' participant ids, ascending (the votes come ordered).
     */
    private List<Report.Demographic> breakdown(long consultationId, long[] ids, int rows, OpinionMap.Result r) {
        List<Question> questions = demographics.questions(consultationId);
        if (questions.isEmpty()) {
            return List.of();
        }
        int k = r.k();
        int[] rowGroup = new int[rows];
        java.util.Arrays.fill(rowGroup, -1);
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
            int row = java.util.Arrays.binarySearch(ids, 0, rows, participant);
            Integer q = index.get(question);
            if (row < 0 || q == null || rowGroup[row] < 0 || option >= questions.get(q).options().size()) {
                return; // not on the map (too few votes), or a question since removed
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

    private static final class VoteBuffer {
        int[] p = new int[1024];
        int[] s = new int[1024];
        byte[] v = new byte[1024];
        int n;
        long[] ids = new long[1024];
        int rows;

        void participant(long id) {
            if (rows == ids.length) {
                ids = java.util.Arrays.copyOf(ids, rows * 2);
            }
            ids[rows++] = id;
        }

        void add(int participant, int statement, int vote) {
            if (n == p.length) {
                p = java.util.Arrays.copyOf(p, n * 2);
                s = java.util.Arrays.copyOf(s, n * 2);
                v = java.util.Arrays.copyOf(v, n * 2);
            }
            p[n] = participant;
            s[n] = statement;
            v[n] = (byte) vote;
            n++;
        }
    }

    private static Report report(long consultationId, Instant at, List<Statement> statements, int[] agree, int[] disagree, int[] pass,
                                 VoteMatrix matrix, OpinionMap.Result r, List<Report.Demographic> demographics) {
        int k = r.k();
        int s = statements.size();
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
