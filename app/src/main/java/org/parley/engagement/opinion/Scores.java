package org.parley.engagement.opinion;

/**
 * Polis's statistics for one statement in one group, from the group's counts and the counts of
 * everybody else. All with Polis's add-one (Laplace) smoothing.
 */
public final class Scores {

    /** One-sided z for 90% confidence. */
    public static final double Z90 = 1.2815515655446004;

    private Scores() {
    }

    /** Smoothed probability of success: (successes + 1) / (seen + 2). */
    public static double p(int successes, int seen) {
        return (successes + 1.0) / (seen + 2.0);
    }

    /** Polis's one-proportion test against 1/2: 2·sqrt(n+1)·((s+1)/(n+1) − 1/2). */
    public static double propTest(int successes, int seen) {
        double s = successes + 1.0;
        double n = seen + 1.0;
        return 2 * Math.sqrt(n) * (s / n - 0.5);
    }

    /** Polis's two-proportion z test of the group (in) against the rest (out), with add-one smoothing. */
    public static double twoPropTest(int successIn, int successOut, int seenIn, int seenOut) {
        double s1 = successIn + 1.0;
        double s2 = successOut + 1.0;
        double n1 = seenIn + 1.0;
        double n2 = seenOut + 1.0;
        double p1 = s1 / n1;
        double p2 = s2 / n2;
        double pHat = (s1 + s2) / (n1 + n2);
        if (pHat >= 1.0) {
            return 0;
        }
        return (p1 - p2) / Math.sqrt(pHat * (1 - pHat) * (1 / n1 + 1 / n2));
    }

    /** Whether a z score is significant at 90% (one-sided). */
    public static boolean significant(double z) {
        return z > Z90;
    }

    /**
     * Representativeness of a statement for a group in one direction (agree or disagree): pa, pat,
     * ra, rat and their product, the metric Polis ranks by.
     */
    public record Repness(double p, double pTest, double r, double rTest) {
        public double metric() {
            return r * rTest * p * pTest;
        }

        public boolean significant() {
            return Scores.significant(pTest) && Scores.significant(rTest);
        }

        public static Repness of(int successIn, int seenIn, int successOut, int seenOut) {
            double p = Scores.p(successIn, seenIn);
            double pt = Scores.propTest(successIn, seenIn);
            double r = p / Scores.p(successOut, seenOut);
            double rt = Scores.twoPropTest(successIn, successOut, seenIn, seenOut);
            return new Repness(p, pt, r, rt);
        }
    }
}
