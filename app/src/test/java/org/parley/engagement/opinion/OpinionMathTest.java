package org.parley.engagement.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The formulas on small cases whose answers were worked out by hand (the working is in the comments). */
class OpinionMathTest {

    @Test
    void smoothedProportionAndPolisTests() {
        // (3+1)/(5+2)
        assertThat(Scores.p(3, 5)).isCloseTo(4.0 / 7, within(1e-12));
        // 2·sqrt(5+1)·((3+1)/(5+1) − 0.5) = 2·2.44949·0.166667 = 0.816497
        assertThat(Scores.propTest(3, 5)).isCloseTo(0.816497, within(1e-6));
        // all 9 agree: 2·sqrt(10)·(10/10 − 0.5) = 3.162278 > 1.2816
        assertThat(Scores.propTest(9, 9)).isCloseTo(3.162278, within(1e-6));
        assertThat(Scores.significant(Scores.propTest(9, 9))).isTrue();
        assertThat(Scores.significant(Scores.propTest(3, 5))).isFalse();
        // in 8/10, out 2/10: p1 = 9/11, p2 = 3/11, p̂ = 12/22; z = (6/11) / sqrt(12/22 · 10/22 · 2/11) = 2.569047
        assertThat(Scores.twoPropTest(8, 2, 10, 10)).isCloseTo(2.569047, within(1e-6));
        assertThat(Scores.twoPropTest(2, 8, 10, 10)).isCloseTo(-2.569047, within(1e-6));
        // ra = pa(in) / pa(out) = (9/12) / (3/12) = 3 for 8 of 10 in, 2 of 10 out
        Scores.Repness r = Scores.Repness.of(8, 10, 2, 10);
        assertThat(r.p()).isCloseTo(0.75, within(1e-12));
        assertThat(r.r()).isCloseTo(3.0, within(1e-12));
        // pat = 2·sqrt(11)·(9/11 − 0.5) = 2.110579
        assertThat(r.pTest()).isCloseTo(2.110579, within(1e-6));
        assertThat(r.significant()).isTrue();
        assertThat(r.metric()).isCloseTo(3.0 * 2.569047 * 0.75 * 2.110579, within(1e-5));
    }

    @Test
    void participantsNeedMinOfSevenAndStatementsVotes() {
        // 3 statements: 3 votes needed; 10 statements: 7 needed
        VoteMatrix small = new VoteMatrix.Builder(2, 3, 8).add(0, 0, 1).add(0, 1, 1).add(0, 2, 0).add(1, 0, 1).add(1, 1, -1).build();
        assertThat(OpinionMap.included(small)).containsExactly(0);
        VoteMatrix.Builder b = new VoteMatrix.Builder(2, 10, 20);
        for (int j = 0; j < 7; j++) {
            b.add(0, j, 1);
        }
        for (int j = 0; j < 6; j++) {
            b.add(1, j, 1);
        }
        assertThat(OpinionMap.included(b.build())).containsExactly(0);
    }

    @Test
    void latestVoteCounts() {
        VoteMatrix m = new VoteMatrix.Builder(1, 3, 4).add(0, 2, 1).add(0, 0, -1).add(0, 2, -1).add(0, 2, 0).build();
        assertThat(m.votesOf(0)).isEqualTo(2);
        assertThat(m.vote(0, 2)).isEqualTo((byte) 0);
        assertThat(m.vote(0, 0)).isEqualTo((byte) -1);
        assertThat(m.vote(0, 1)).isNull();
    }

    @Test
    void pcaFillsMissingWithTheMeanAndScalesSparseParticipants() {
        // votes: p0 = [+1, +1], p1 = [−1, −1], p2 = [+1, missing]
        // means: s0 = (1 − 1 + 1)/3 = 1/3, s1 = 0; centred rows: [2/3, 1], [−4/3, −1], [2/3, 0]
        // XᵀX = [[8/3, 2], [2, 2]]: λ = (14 ± √148)/6 → 4.360920, 0.305747
        // first component ∝ (1, 0.847127) → (1, 0.847127)/1.310582 = (0.763020, 0.646373)
        // p0: (2/3·0.763020 + 0.646373)·sqrt(2/2) = 1.155053; p2: (2/3·0.763020)·sqrt(2/1) = 0.719383
        VoteMatrix m = new VoteMatrix.Builder(3, 2, 5).add(0, 0, 1).add(0, 1, 1).add(1, 0, -1).add(1, 1, -1).add(2, 0, 1).build();
        Pca.Result r = Pca.compute(m, new int[] {0, 1, 2}, null);
        assertThat(r.means()[0]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.means()[1]).isCloseTo(0.0, within(1e-12));
        assertThat(r.components()[0][0]).isCloseTo(0.763020, within(1e-5));
        assertThat(r.components()[0][1]).isCloseTo(0.646373, within(1e-5));
        assertThat(r.x()[0]).isCloseTo(1.155053, within(1e-5));
        assertThat(r.x()[2]).isCloseTo(0.719383, within(1e-5));
        // p1: (−4/3·0.763020 − 0.646373) = −1.663733
        assertThat(r.x()[1]).isCloseTo(-1.663733, within(1e-5));
        // second component is orthogonal to the first
        double dot = r.components()[0][0] * r.components()[1][0] + r.components()[0][1] * r.components()[1][1];
        assertThat(dot).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void silhouetteOfTwoPairs() {
        // A = {0, 1}, B = {10, 11} on a line
        // s(0) = (10.5 − 1)/10.5, s(1) = (9.5 − 1)/9.5, symmetric for B
        double s = Silhouette.score(new double[] {0, 1, 10, 11}, new double[4], new int[] {0, 0, 1, 1}, 2);
        assertThat(s).isCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, within(1e-12));
    }

    @Test
    void adjustedRandIndex() {
        assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {5, 5, 3, 3})).isEqualTo(1.0);
        // contingency (0,0)=2, (1,0)=1, (1,1)=1: Σ C(nij,2) = 1, rows 1+1 = 2, cols 3+0 = 3, C(4,2) = 6
        // expected = 2·3/6 = 1, max = 2.5 → ARI = (1 − 1)/(2.5 − 1) = 0
        assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 1})).isEqualTo(0.0);
    }

    @Test
    void groupInformedConsensusIsTheProductOverGroups() {
        // statement 0: group A (p0..p3) 3 agree + 1 disagree; group B (p4..p7) 1 agree, 1 pass, 2 unseen... all far apart on the others
        VoteMatrix.Builder b = new VoteMatrix.Builder(8, 8, 64);
        for (int p = 0; p < 8; p++) {
            boolean a = p < 4;
            for (int j = 1; j < 8; j++) {
                b.add(p, j, a ? 1 : -1);
            }
        }
        b.add(0, 0, 1).add(1, 0, 1).add(2, 0, 1).add(3, 0, -1).add(4, 0, 1).add(5, 0, 0);
        OpinionMap.Result r = OpinionMap.compute(b.build(), null);
        assertThat(r.k()).isEqualTo(2);
        int ga = r.group()[0];
        int gb = r.group()[7];
        assertThat(ga).isNotEqualTo(gb);
        assertThat(r.counts(ga, 0)).isEqualTo(new OpinionMap.Counts(3, 1, 4));
        assertThat(r.counts(gb, 0)).isEqualTo(new OpinionMap.Counts(1, 0, 2));
        // (3+1)/(4+2) · (1+1)/(2+2) = 2/3 · 1/2 = 1/3
        assertThat(r.groupInformedConsensus()[0]).isCloseTo(1.0 / 3, within(1e-12));
        // statement 1: A 4/4 agree, B 0/4: (5/6)·(1/6)
        assertThat(r.groupInformedConsensus()[1]).isCloseTo(5.0 / 36, within(1e-12));
        // statement 1 splits the groups: divisive, and representative of both groups
        assertThat(r.divisive()).contains(1);
        assertThat(r.representative().get(ga)).extracting(OpinionMap.Representative::statement).contains(1);
        assertThat(r.representative().get(ga).get(0).agree()).isTrue();
        assertThat(r.representative().get(gb).get(0).agree()).isFalse();
    }

    @Test
    void kMeansFindsTwoObviousClusters() {
        double[] x = {0, 0.1, 0.2, 10, 10.1, 10.2};
        double[] y = {0, 0.1, 0, 5, 5.1, 5};
        KMeans.Fit f = KMeans.best(x, y, null, 2, 1, 5, 100);
        assertThat(f.labels()[0]).isEqualTo(f.labels()[1]).isEqualTo(f.labels()[2]);
        assertThat(f.labels()[3]).isEqualTo(f.labels()[4]).isEqualTo(f.labels()[5]).isNotEqualTo(f.labels()[0]);
        // inertia: each cluster of three points around its mean: (0,0.1,0.2) has Σdx² = 0.02, dy (0,0.1,0) mean 1/30: Σdy² = 0.02/3
        assertThat(f.inertia()).isCloseTo(2 * (0.02 + 0.02 / 3), within(1e-9));
    }

    @Test
    void plantedGroupsAreFoundAndBridgingStatementsAreConsensus() {
        // two and three groups: three planted stance vectors always span a plane, so a 2-D map can separate them;
        // four or more random stances generally cannot be separated in two principal components (a limit of the method)
        for (int groups : List.of(2, 3)) {
            SyntheticConsultation.Data d = SyntheticConsultation.generate(
                    new SyntheticConsultation.Spec(100 + groups, 3000, 120, groups, 4, 15, 60, 0.85, 0.1));
            OpinionMap.Result r = OpinionMap.compute(d.matrix(), null);
            int[] planted = new int[r.included().length];
            for (int i = 0; i < planted.length; i++) {
                planted[i] = d.plantedGroup()[r.included()[i]];
            }
            assertThat(r.k()).as("groups for %d planted", groups).isEqualTo(groups);
            assertThat(AdjustedRand.index(planted, r.group())).as("ARI for %d groups", groups).isGreaterThanOrEqualTo(0.9);
            for (int j : d.bridging()) {
                assertThat(r.consensus()).as("bridging %d with %d groups", j, groups).contains(j);
            }
            // partisan statements split the groups, so only the bridging ones are agreed across all groups
            assertThat(r.consensus()).as("consensus with %d groups", groups).containsExactlyInAnyOrder(0, 1, 2, 3);
            // and they rank first by group-informed consensus
            double lowestBridging = 1;
            double highestOther = 0;
            for (int j = 0; j < r.statements(); j++) {
                if (j < 4) {
                    lowestBridging = Math.min(lowestBridging, r.groupInformedConsensus()[j]);
                } else {
                    highestOther = Math.max(highestOther, r.groupInformedConsensus()[j]);
                }
            }
            assertThat(lowestBridging).isGreaterThan(highestOther);
            assertThat(r.divisive()).doesNotContain(0, 1, 2, 3).isNotEmpty();
        }
    }

    @Test
    void sameInputSameMap() {
        SyntheticConsultation.Data d = SyntheticConsultation.generate(new SyntheticConsultation.Spec(7, 1500, 80, 3, 3, 10, 40, 0.8, 0.15));
        OpinionMap.Result a = OpinionMap.compute(d.matrix(), null);
        OpinionMap.Result b = OpinionMap.compute(d.matrix(), null);
        assertThat(b.group()).isEqualTo(a.group());
        assertThat(b.x()).isEqualTo(a.x());
        // and a follow-up run from the first run's state keeps the labels
        OpinionMap.Result c = OpinionMap.compute(d.matrix(), a.state());
        assertThat(AdjustedRand.index(a.group(), c.group())).isEqualTo(1.0);
        assertThat(c.group()).isEqualTo(a.group());
    }

    @Test
    void kChangesOnlyAfterWinningSeveralRunsInARow() {
        SyntheticConsultation.Data d = SyntheticConsultation.generate(new SyntheticConsultation.Spec(11, 1200, 60, 2, 2, 20, 40, 0.9, 0.05));
        OpinionMap.Result fresh = OpinionMap.compute(d.matrix(), null);
        assertThat(fresh.k()).isEqualTo(2);
        // pretend an earlier run had settled on 4 groups
        OpinionMap.State s = new OpinionMap.State(4, 0, 0, null, null, null, null, null);
        for (int run = 1; run < OpinionMap.STABILITY_RUNS; run++) {
            OpinionMap.Result r = OpinionMap.compute(d.matrix(), s);
            assertThat(r.k()).as("run %d", run).isEqualTo(4);
            assertThat(r.state().candidateK()).isEqualTo(2);
            assertThat(r.state().streak()).isEqualTo(run);
            s = r.state();
        }
        OpinionMap.Result switched = OpinionMap.compute(d.matrix(), s);
        assertThat(switched.k()).isEqualTo(2);
        assertThat(switched.state().streak()).isZero();
    }

    @Test
    void twoCampsOfIdenticalVotersAreTwoGroups() {
        // 16 people vote exactly alike, 15 others exactly the opposite (but all agree on statement 0):
        // only two distinct points on the map, so two base clusters and two groups
        VoteMatrix.Builder b = new VoteMatrix.Builder(31, 10, 310);
        for (int p = 0; p < 31; p++) {
            for (int j = 0; j < 10; j++) {
                b.add(p, j, j == 0 ? 1 : ((j % 2 == 0) == (p < 16) ? 1 : -1));
            }
        }
        VoteMatrix m = b.build();
        OpinionMap.Result r = OpinionMap.compute(m, null);
        assertThat(r.k()).isEqualTo(2);
        assertThat(r.groupSize(0) + r.groupSize(1)).isEqualTo(31);
        assertThat(r.groupSize(r.group()[0])).isEqualTo(16);
        assertThat(r.consensus()).containsExactly(0);
        // and again from its own state
        assertThat(OpinionMap.compute(m, r.state()).k()).isEqualTo(2);
    }

    @Test
    void emptyAndTinyMatricesDoNotFail() {
        OpinionMap.Result empty = OpinionMap.compute(new VoteMatrix.Builder(0, 0, 0).build(), null);
        assertThat(empty.k()).isEqualTo(1);
        OpinionMap.Result one = OpinionMap.compute(new VoteMatrix.Builder(2, 1, 2).add(0, 0, 1).add(1, 0, -1).build(), null);
        assertThat(one.included()).hasSize(2);
        assertThat(one.k()).isEqualTo(1);
    }
}
