package org.parley.engagement.opinion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Polis opinion map of a vote matrix: who is included, the 2-D PCA map, base clusters, opinion
 * groups (k = 2..5 by silhouette, changed only after a new k wins {@link #STABILITY_RUNS} runs in a
 * row), representative statements per group, consensus, group-informed consensus and divisive
 * statements. Plain Java, no framework: it can be tested and benchmarked alone.
 */
public final class OpinionMap {

    public static final int BASE_CLUSTERS = 100;
    public static final int MIN_GROUPS = 2;
    public static final int MAX_GROUPS = 5;
    public static final int STABILITY_RUNS = 3;
    public static final int REPRESENTATIVE_PER_GROUP = 5;
    public static final int DIVISIVE_LIMIT = 10;
    static final long SEED = 20_260_522L;
    static final int BASE_ITERATIONS = 100;
    static final int WARM_ITERATIONS = 10;
    static final int BASE_SAMPLE = 20_000;

    /** What one run hands to the next, to keep components' signs, base clusters and k stable. */
    public record State(int k, int candidateK, int streak, double[][] components, double[] baseX, double[] baseY, double[] groupX, double[] groupY) {
        public static State initial() {
            return new State(0, 0, 0, null, null, null, null, null);
        }
    }

    /** A statement representative of a group: {@code agree} tells the direction. */
    public record Representative(int statement, boolean agree, Scores.Repness repness) {
    }

    /** Counts of one statement in one group. */
    public record Counts(int agree, int disagree, int seen) {
    }

    public record Result(
            int statements,
            int participants,
            int[] included,
            double[] x,
            double[] y,
            int[] group,
            int k,
            double[] silhouette,
            double[] baseX,
            double[] baseY,
            int[] baseGroup,
            int[] baseSize,
            int[][] agree,
            int[][] disagree,
            int[][] seen,
            List<List<Representative>> representative,
            double[] groupInformedConsensus,
            List<Integer> consensus,
            List<Integer> consensusDisagree,
            List<Integer> divisive,
            State state,
            Timings timings) {

        public int groupSize(int g) {
            int n = 0;
            for (int v : group) {
                if (v == g) {
                    n++;
                }
            }
            return n;
        }

        public Counts counts(int g, int statement) {
            return new Counts(agree[g][statement], disagree[g][statement], seen[g][statement]);
        }
    }

    /** Milliseconds spent in each step of a run. */
    public record Timings(long pcaMs, int pcaIterations, int pcaSampleIterations, long baseMs, long groupsMs, long statsMs) {
    }

    private OpinionMap() {
    }

    /** Participants with at least min(7, statements) votes. */
    public static int[] included(VoteMatrix m) {
        int need = Math.min(7, m.statements());
        int count = 0;
        for (int p = 0; p < m.participants(); p++) {
            if (m.votesOf(p) >= need && m.votesOf(p) > 0) {
                count++;
            }
        }
        int[] rows = new int[count];
        int at = 0;
        for (int p = 0; p < m.participants(); p++) {
            if (m.votesOf(p) >= need && m.votesOf(p) > 0) {
                rows[at++] = p;
            }
        }
        return rows;
    }

    public static Result compute(VoteMatrix m, State previous) {
        State prev = previous == null ? State.initial() : previous;
        int s = m.statements();
        int[] rows = included(m);
        long t0 = System.nanoTime();
        Pca.Result pca = Pca.compute(m, rows, prev.components());
        long t1 = System.nanoTime();

        int n = rows.length;
        double[] x = pca.x();
        double[] y = pca.y();

        // base clusters
        int baseK = Math.min(BASE_CLUSTERS, n);
        KMeans.Fit base;
        boolean warm = prev.baseX() != null && prev.baseX().length == baseK;
        if (baseK == 0) {
            base = new KMeans.Fit(new double[0], new double[0], new int[0], new double[0], 0, 0);
        } else if (n > BASE_SAMPLE) {
            // many participants: settle the base centres on an evenly spread sample (from the previous
            // run's centres when there are some), then assign everyone and refine on all points briefly
            double[] sx = new double[BASE_SAMPLE];
            double[] sy = new double[BASE_SAMPLE];
            for (int i = 0; i < BASE_SAMPLE; i++) {
                int at = (int) ((long) i * n / BASE_SAMPLE);
                sx[i] = x[at];
                sy[i] = y[at];
            }
            KMeans.Fit sample = warm ? KMeans.fit(sx, sy, null, baseK, SEED, prev.baseX(), prev.baseY(), WARM_ITERATIONS)
                    : KMeans.fit(sx, sy, null, baseK, SEED, null, null, BASE_ITERATIONS);
            base = KMeans.fit(x, y, null, baseK, SEED, sample.cx(), sample.cy(), 2);
        } else if (warm) {
            // from the previous run's centres: a few rounds follow the new votes (as Polis updates its base clusters)
            base = KMeans.fit(x, y, null, baseK, SEED, prev.baseX(), prev.baseY(), WARM_ITERATIONS);
        } else {
            base = KMeans.fit(x, y, null, baseK, SEED, null, null, BASE_ITERATIONS);
        }
        // drop empty base clusters, renumber
        int[] remap = new int[base.k()];
        int nb = 0;
        for (int j = 0; j < base.k(); j++) {
            remap[j] = base.weight()[j] > 0 ? nb++ : -1;
        }
        double[] bx = new double[nb];
        double[] by = new double[nb];
        double[] bw = new double[nb];
        int[] bSize = new int[nb];
        for (int j = 0; j < base.k(); j++) {
            if (remap[j] >= 0) {
                bx[remap[j]] = base.cx()[j];
                by[remap[j]] = base.cy()[j];
                bw[remap[j]] = base.weight()[j];
                bSize[remap[j]] = (int) Math.round(base.weight()[j]);
            }
        }
        int[] baseOf = new int[n];
        for (int i = 0; i < n; i++) {
            baseOf[i] = remap[base.labels()[i]];
        }
        long t2 = System.nanoTime();

        // groups: k from 2 to 5 by silhouette on the base clusters
        double[] sil = new double[MAX_GROUPS + 1];
        Arrays.fill(sil, Double.NaN);
        KMeans.Fit[] fits = new KMeans.Fit[MAX_GROUPS + 1];
        int bestK = 1;
        double bestSil = Double.NEGATIVE_INFINITY;
        for (int k = MIN_GROUPS; k <= MAX_GROUPS && k < nb; k++) {
            KMeans.Fit f = KMeans.best(bx, by, bw, k, SEED + k, 10, 300);
            fits[k] = f;
            sil[k] = Silhouette.score(bx, by, f.labels(), k);
            if (sil[k] > bestSil + 1e-12) {
                bestSil = sil[k];
                bestK = k;
            }
        }
        if (nb == 2 && Math.min(bw[0], bw[1]) >= 2) {
            // exactly two distinct base clusters of two or more people (e.g. two camps voting identically):
            // silhouette is undefined for k = n, but the split is plain: one group each
            fits[2] = new KMeans.Fit(bx.clone(), by.clone(), new int[] {0, 1}, bw.clone(), 0, 0);
            sil[2] = 1;
            bestK = 2;
        }
        int k;
        int candidate = prev.candidateK();
        int streak = prev.streak();
        if (bestK == 1) {
            k = 1;
            candidate = 0;
            streak = 0;
        } else if (prev.k() < MIN_GROUPS || fits[prev.k()] == null) {
            k = bestK;
            candidate = 0;
            streak = 0;
        } else if (bestK == prev.k()) {
            k = bestK;
            candidate = 0;
            streak = 0;
        } else {
            streak = bestK == candidate ? streak + 1 : 1;
            candidate = bestK;
            if (streak >= STABILITY_RUNS) {
                k = bestK;
                candidate = 0;
                streak = 0;
            } else {
                k = prev.k();
            }
        }
        int[] baseGroup = new int[nb];
        double[] gx;
        double[] gy;
        if (k == 1) {
            gx = new double[] {0};
            gy = new double[] {0};
        } else {
            KMeans.Fit f = fits[k];
            int[] order = stableOrder(f, prev);
            int[] rank = new int[k];
            for (int r = 0; r < k; r++) {
                rank[order[r]] = r;
            }
            gx = new double[k];
            gy = new double[k];
            for (int g = 0; g < k; g++) {
                gx[rank[g]] = f.cx()[g];
                gy[rank[g]] = f.cy()[g];
            }
            for (int j = 0; j < nb; j++) {
                baseGroup[j] = rank[f.labels()[j]];
            }
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = baseGroup[baseOf[i]];
        }
        long t3 = System.nanoTime();

        // counts per group, statement and vote: one counter per vote, indexed by (group, entry) since an
        // entry is column << 2 | (vote + 1); parallel chunks summed in a fixed order
        int chunks = Math.max(1, Math.min(16, n / 16_384));
        int[][] parts = new int[chunks][];
        final int kk = k;
        int[] ent = m.entries();
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(ch -> {
            int[] cnt = new int[kk * s * 4];
            int from = (int) ((long) n * ch / chunks);
            int to = (int) ((long) n * (ch + 1) / chunks);
            for (int i = from; i < to; i++) {
                int r = rows[i];
                int offset = group[i] * s * 4;
                for (int q = m.start(r), e = m.end(r); q < e; q++) {
                    cnt[offset + ent[q]]++;
                }
            }
            parts[ch] = cnt;
        });
        int[] cnt = parts[0];
        for (int ch = 1; ch < chunks; ch++) {
            int[] p = parts[ch];
            for (int i = 0; i < cnt.length; i++) {
                cnt[i] += p[i];
            }
        }
        int[][] agree = new int[k][s];
        int[][] disagree = new int[k][s];
        int[][] seen = new int[k][s];
        for (int g = 0; g < k; g++) {
            for (int j = 0; j < s; j++) {
                int at = g * s * 4 + VoteMatrix.pack(j, 0);
                disagree[g][j] = cnt[at - 1];
                agree[g][j] = cnt[at + 1];
                seen[g][j] = cnt[at - 1] + cnt[at] + cnt[at + 1];
            }
        }
        int[] totalA = new int[s];
        int[] totalD = new int[s];
        int[] totalS = new int[s];
        for (int g = 0; g < k; g++) {
            for (int j = 0; j < s; j++) {
                totalA[j] += agree[g][j];
                totalD[j] += disagree[g][j];
                totalS[j] += seen[g][j];
            }
        }
        List<List<Representative>> reps = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            List<Representative> list = new ArrayList<>();
            if (k > 1) {
                for (int j = 0; j < s; j++) {
                    if (seen[g][j] == 0) {
                        continue;
                    }
                    Scores.Repness ra = Scores.Repness.of(agree[g][j], seen[g][j], totalA[j] - agree[g][j], totalS[j] - seen[g][j]);
                    Scores.Repness rd = Scores.Repness.of(disagree[g][j], seen[g][j], totalD[j] - disagree[g][j], totalS[j] - seen[g][j]);
                    Scores.Repness pick = ra.rTest() >= rd.rTest() ? ra : rd;
                    if (pick.significant()) {
                        list.add(new Representative(j, pick == ra, pick));
                    }
                }
                list.sort(Comparator.comparingDouble((Representative r) -> -r.repness().metric()).thenComparingInt(Representative::statement));
            }
            reps.add(List.copyOf(list.subList(0, Math.min(REPRESENTATIVE_PER_GROUP, list.size()))));
        }
        double[] gic = new double[s];
        List<Integer> consensus = new ArrayList<>();
        List<Integer> consensusDisagree = new ArrayList<>();
        List<double[]> divisive = new ArrayList<>();
        for (int j = 0; j < s; j++) {
            double prod = 1;
            boolean allAgree = totalS[j] > 0;
            boolean allDisagree = totalS[j] > 0;
            int hi = -1;
            int lo = -1;
            for (int g = 0; g < k; g++) {
                prod *= Scores.p(agree[g][j], seen[g][j]);
                allAgree &= Scores.significant(Scores.propTest(agree[g][j], seen[g][j]));
                allDisagree &= Scores.significant(Scores.propTest(disagree[g][j], seen[g][j]));
                if (seen[g][j] > 0) {
                    double pa = Scores.p(agree[g][j], seen[g][j]);
                    if (hi < 0 || pa > Scores.p(agree[hi][j], seen[hi][j])) {
                        hi = g;
                    }
                    if (lo < 0 || pa < Scores.p(agree[lo][j], seen[lo][j])) {
                        lo = g;
                    }
                }
            }
            gic[j] = totalS[j] == 0 ? 0 : prod;
            if (allAgree) {
                consensus.add(j);
            }
            if (allDisagree) {
                consensusDisagree.add(j);
            }
            if (k > 1 && hi >= 0 && hi != lo
                    && Scores.p(agree[hi][j], seen[hi][j]) > 0.5
                    && Scores.p(disagree[lo][j], seen[lo][j]) > 0.5
                    && Scores.significant(Scores.twoPropTest(agree[hi][j], agree[lo][j], seen[hi][j], seen[lo][j]))) {
                double spread = Scores.p(agree[hi][j], seen[hi][j]) - Scores.p(agree[lo][j], seen[lo][j]);
                divisive.add(new double[] {j, spread});
            }
        }
        consensus.sort(Comparator.comparingDouble((Integer j) -> -gic[j]).thenComparingInt(j -> j));
        consensusDisagree.sort(Comparator.comparingDouble((Integer j) -> gic[j]).thenComparingInt(j -> j));
        divisive.sort(Comparator.comparingDouble((double[] d) -> -d[1]).thenComparingDouble(d -> d[0]));
        List<Integer> div = new ArrayList<>();
        for (int i = 0; i < Math.min(DIVISIVE_LIMIT, divisive.size()); i++) {
            div.add((int) divisive.get(i)[0]);
        }
        long t4 = System.nanoTime();

        State next = new State(k, candidate, streak, pca.components(), bx.length == baseK ? bx : null, bx.length == baseK ? by : null, gx, gy);
        Timings timings = new Timings((t1 - t0) / 1_000_000, pca.iterations(), pca.sampleIterations(), (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000);
        return new Result(s, m.participants(), rows, x, y, group, k, sil, bx, by, baseGroup, bSize, agree, disagree, seen,
                List.copyOf(reps), gic, List.copyOf(consensus), List.copyOf(consensusDisagree), List.copyOf(div), next, timings);
    }

    /**
     * Orders the groups of a fit so that labels stay put between runs: when the previous run had the
     * same k, each previous group keeps the nearest new centre (greedy, closest pairs first);
     * otherwise the largest group is group 0.
     */
    private static int[] stableOrder(KMeans.Fit f, State prev) {
        int k = f.k();
        Integer[] bySize = new Integer[k];
        for (int g = 0; g < k; g++) {
            bySize[g] = g;
        }
        Arrays.sort(bySize, Comparator.comparingDouble((Integer g) -> -f.weight()[g]).thenComparingDouble(g -> f.cx()[g]));
        int[] order = new int[k];
        if (prev.groupX() == null || prev.groupX().length != k) {
            for (int r = 0; r < k; r++) {
                order[r] = bySize[r];
            }
            return order;
        }
        List<double[]> pairs = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            for (int g = 0; g < k; g++) {
                pairs.add(new double[] {Math.hypot(prev.groupX()[r] - f.cx()[g], prev.groupY()[r] - f.cy()[g]), r, g});
            }
        }
        pairs.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]).thenComparingDouble(p -> p[2]));
        boolean[] rUsed = new boolean[k];
        boolean[] gUsed = new boolean[k];
        for (double[] p : pairs) {
            int r = (int) p[1];
            int g = (int) p[2];
            if (!rUsed[r] && !gUsed[g]) {
                rUsed[r] = true;
                gUsed[g] = true;
                order[r] = g;
            }
        }
        return order;
    }
}
