package org.parley.engagement.opinion;

import java.util.SplittableRandom;

/**
 * A synthetic consultation with planted opinion groups and planted bridging statements, for tests,
 * benchmarks and the scikit-learn comparison. Each group has a stance (agree or disagree) on every
 * partisan statement; on the bridging statements every group agrees. A participant votes on a random
 * subset of statements, passes with {@code passRate}, and otherwise follows its group's stance with
 * probability {@code loyalty}. Deterministic for a given seed.
 */
public final class SyntheticConsultation {

    public record Spec(long seed, int participants, int statements, int groups, int bridging, int minVotes, int maxVotes, double loyalty, double passRate) {
    }

    public record Data(VoteMatrix matrix, int[] plantedGroup, int[] bridging, byte[][] stance) {
    }

    private SyntheticConsultation() {
    }

    public static Data generate(Spec spec) {
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        int s = spec.statements();
        int groups = spec.groups();
        byte[][] stance = new byte[groups][s];
        for (int j = 0; j < s; j++) {
            boolean split;
            do { // a partisan statement splits the groups: at least one agrees and one disagrees
                int sum = 0;
                for (int g = 0; g < groups; g++) {
                    stance[g][j] = j < spec.bridging() ? 1 : (byte) (rnd.nextBoolean() ? 1 : -1);
                    sum += stance[g][j];
                }
                split = Math.abs(sum) < groups;
            } while (j >= spec.bridging() && groups > 1 && !split);
        }
        int[] bridging = new int[spec.bridging()];
        for (int j = 0; j < bridging.length; j++) {
            bridging[j] = j;
        }
        int[] planted = new int[spec.participants()];
        long expected = (long) spec.participants() * (spec.minVotes() + spec.maxVotes()) / 2;
        VoteMatrix.Builder b = new VoteMatrix.Builder(spec.participants(), s, (int) Math.min(Integer.MAX_VALUE - 8, expected + spec.participants()));
        int[] mark = new int[s];
        int stamp = 0;
        for (int p = 0; p < spec.participants(); p++) {
            int g = rnd.nextInt(groups);
            planted[p] = g;
            int votes = Math.min(s, spec.minVotes() + (spec.maxVotes() > spec.minVotes() ? rnd.nextInt(spec.maxVotes() - spec.minVotes() + 1) : 0));
            stamp++;
            if (votes * 2 > s) {
                // dense participant: decide per statement
                for (int j = 0; j < s; j++) {
                    if (rnd.nextInt(s) < votes) {
                        b.add(p, j, vote(rnd, stance[g][j], spec));
                    }
                }
                continue;
            }
            for (int v = 0; v < votes; v++) {
                int j;
                do {
                    j = rnd.nextInt(s);
                } while (mark[j] == stamp);
                mark[j] = stamp;
                b.add(p, j, vote(rnd, stance[g][j], spec));
            }
        }
        return new Data(b.build(), planted, bridging, stance);
    }

    private static int vote(SplittableRandom rnd, byte stance, Spec spec) {
        if (rnd.nextDouble() < spec.passRate()) {
            return VoteMatrix.PASS;
        }
        return rnd.nextDouble() < spec.loyalty() ? stance : -stance;
    }
}
