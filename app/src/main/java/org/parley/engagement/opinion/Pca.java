package org.parley.engagement.opinion;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Principal components of the vote matrix restricted to some participants, as Polis computes them:
 * every missing vote is filled with its statement's mean (so after centring it is exactly zero and
 * the centred matrix stays as sparse as the votes), the two leading components are found by
 * subspace (block power) iteration on {@code XᵀX} without ever building {@code X} or {@code XᵀX}
 * densely, and each participant's projection is scaled by {@code sqrt(statements / votes cast)} so
 * that people who voted on few statements are not pulled to the centre.
 */
public final class Pca {

    /** The result: column means, two unit components (each {@code statements} long), and the projections of the rows. */
    public record Result(double[] means, double[][] components, double[] x, double[] y, int iterations) {
    }

    private static final int BLOCK = 4;
    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-8;

    private Pca() {
    }

    /**
     * @param rows the participants (row indices of {@code m}) to include
     * @param warmStart the previous run's components (may be null or of another length), to converge faster and keep signs stable
     */
    public static Result compute(VoteMatrix m, int[] rows, double[][] warmStart) {
        int s = m.statements();
        double[] means = means(m, rows);
        if (s == 0 || rows.length == 0) {
            return new Result(means, new double[][] {new double[s], new double[s]}, new double[rows.length], new double[rows.length], 0);
        }
        int b = Math.min(BLOCK, s);
        int chunks = chunksFor(rows.length);
        double[] q = initial(s, b, warmStart);
        double[] prev = null;
        double[] ritz = null;
        int it = 0;
        for (; it < MAX_ITERATIONS; it++) {
            double[] z = multiply(m, rows, means, q, s, b, chunks);
            // Rayleigh-Ritz: T = Qᵀ Z = Qᵀ C Q, rotate Z onto T's eigenvectors (largest first)
            double[] t = new double[b * b];
            for (int j = 0; j < s; j++) {
                for (int c1 = 0; c1 < b; c1++) {
                    double qv = q[j * b + c1];
                    for (int c2 = 0; c2 < b; c2++) {
                        t[c1 * b + c2] += qv * z[j * b + c2];
                    }
                }
            }
            double[][] eig = Jacobi.eigen(t, b);
            double[] w = eig[1];
            // Ritz vectors V = Q W and next block Z W
            double[] v = new double[s * b];
            double[] zw = new double[s * b];
            for (int j = 0; j < s; j++) {
                for (int c = 0; c < b; c++) {
                    double acc = 0;
                    double acc2 = 0;
                    for (int r = 0; r < b; r++) {
                        acc += q[j * b + r] * w[r * b + c];
                        acc2 += z[j * b + r] * w[r * b + c];
                    }
                    v[j * b + c] = acc;
                    zw[j * b + c] = acc2;
                }
            }
            ritz = v;
            boolean converged = false;
            if (prev != null) {
                double d1 = 1 - Math.abs(dot(prev, v, s, b, 0));
                double d2 = b > 1 ? 1 - Math.abs(dot(prev, v, s, b, 1)) : 0;
                converged = d1 < TOLERANCE && d2 < TOLERANCE;
            }
            prev = v;
            if (converged) {
                it++;
                break;
            }
            q = orthonormalize(zw, s, b);
            if (q == null) { // rank-deficient: the current Ritz vectors are exact
                it++;
                break;
            }
        }
        double[][] comps = new double[2][s];
        for (int c = 0; c < 2 && c < b; c++) {
            for (int j = 0; j < s; j++) {
                comps[c][j] = ritz[j * b + c];
            }
            normalise(comps[c]);
            orientSign(comps[c], warmStart == null || warmStart.length <= c ? null : warmStart[c]);
        }
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        project(m, rows, means, comps, x, y);
        return new Result(means, comps, x, y, it);
    }

    /** Mean vote per statement over the given participants' cast votes (pass = 0); 0 where nobody voted. */
    public static double[] means(VoteMatrix m, int[] rows) {
        int s = m.statements();
        double[] sum = new double[s];
        int[] count = new int[s];
        for (int r : rows) {
            for (int k = m.start(r), e = m.end(r); k < e; k++) {
                int c = m.column(k);
                sum[c] += m.value(k);
                count[c]++;
            }
        }
        for (int j = 0; j < s; j++) {
            sum[j] = count[j] == 0 ? 0 : sum[j] / count[j];
        }
        return sum;
    }

    /** Projections of the given rows, with the sparsity scaling {@code sqrt(statements / votes)}. */
    public static void project(VoteMatrix m, int[] rows, double[] means, double[][] comps, double[] x, double[] y) {
        int s = m.statements();
        double[] c0 = comps[0];
        double[] c1 = comps[1];
        IntStream.range(0, chunksFor(rows.length)).parallel().forEach(ch -> {
            int chunks = chunksFor(rows.length);
            int from = (int) ((long) rows.length * ch / chunks);
            int to = (int) ((long) rows.length * (ch + 1) / chunks);
            for (int i = from; i < to; i++) {
                int r = rows[i];
                double a = 0;
                double b = 0;
                int n = 0;
                for (int k = m.start(r), e = m.end(r); k < e; k++) {
                    int c = m.column(k);
                    double xv = m.value(k) - means[c];
                    a += xv * c0[c];
                    b += xv * c1[c];
                    n++;
                }
                double scale = n == 0 ? 0 : Math.sqrt((double) s / n);
                x[i] = a * scale;
                y[i] = b * scale;
            }
        });
    }

    static int chunksFor(int rows) {
        return Math.max(1, Math.min(64, rows / 2048));
    }

    /** Z = Xᵀ (X Q) for the centred sparse X, accumulated per chunk and summed in a fixed order (deterministic). */
    private static double[] multiply(VoteMatrix m, int[] rows, double[] means, double[] q, int s, int b, int chunks) {
        double[][] parts = new double[chunks][];
        int[] cols = m.columns();
        byte[] vals = m.values();
        IntStream.range(0, chunks).parallel().forEach(ch -> {
            double[] z = new double[s * b];
            double[] yv = new double[b];
            int from = (int) ((long) rows.length * ch / chunks);
            int to = (int) ((long) rows.length * (ch + 1) / chunks);
            for (int i = from; i < to; i++) {
                int r = rows[i];
                int ks = m.start(r);
                int ke = m.end(r);
                Arrays.fill(yv, 0);
                if (b == 4) {
                    double y0 = 0, y1 = 0, y2 = 0, y3 = 0;
                    for (int k = ks; k < ke; k++) {
                        int c = cols[k];
                        double xv = vals[k] - means[c];
                        int o = c << 2;
                        y0 += xv * q[o];
                        y1 += xv * q[o + 1];
                        y2 += xv * q[o + 2];
                        y3 += xv * q[o + 3];
                    }
                    for (int k = ks; k < ke; k++) {
                        int c = cols[k];
                        double xv = vals[k] - means[c];
                        int o = c << 2;
                        z[o] += xv * y0;
                        z[o + 1] += xv * y1;
                        z[o + 2] += xv * y2;
                        z[o + 3] += xv * y3;
                    }
                } else {
                    for (int k = ks; k < ke; k++) {
                        int c = cols[k];
                        double xv = vals[k] - means[c];
                        for (int t = 0; t < b; t++) {
                            yv[t] += xv * q[c * b + t];
                        }
                    }
                    for (int k = ks; k < ke; k++) {
                        int c = cols[k];
                        double xv = vals[k] - means[c];
                        for (int t = 0; t < b; t++) {
                            z[c * b + t] += xv * yv[t];
                        }
                    }
                }
            }
            parts[ch] = z;
        });
        double[] z = parts[0];
        for (int ch = 1; ch < chunks; ch++) {
            double[] p = parts[ch];
            for (int i = 0; i < z.length; i++) {
                z[i] += p[i];
            }
        }
        return z;
    }

    private static double[] initial(int s, int b, double[][] warm) {
        double[] q = new double[s * b];
        SplittableRandom rnd = new SplittableRandom(20_26L);
        for (int j = 0; j < s; j++) {
            for (int c = 0; c < b; c++) {
                q[j * b + c] = rnd.nextDouble() - 0.5;
            }
        }
        if (warm != null) {
            for (int c = 0; c < Math.min(2, Math.min(b, warm.length)); c++) {
                if (warm[c] != null && warm[c].length == s) {
                    for (int j = 0; j < s; j++) {
                        q[j * b + c] = warm[c][j] + 1e-3 * q[j * b + c];
                    }
                }
            }
        }
        double[] o = orthonormalize(q, s, b);
        return o != null ? o : q;
    }

    /** Modified Gram-Schmidt on the b columns (twice, for accuracy); null when a column vanishes. */
    static double[] orthonormalize(double[] a, int s, int b) {
        double[] q = a.clone();
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < b; c++) {
                for (int p = 0; p < c; p++) {
                    double d = 0;
                    for (int j = 0; j < s; j++) {
                        d += q[j * b + c] * q[j * b + p];
                    }
                    for (int j = 0; j < s; j++) {
                        q[j * b + c] -= d * q[j * b + p];
                    }
                }
                double n = 0;
                for (int j = 0; j < s; j++) {
                    n += q[j * b + c] * q[j * b + c];
                }
                n = Math.sqrt(n);
                if (n < 1e-300 || Double.isNaN(n)) {
                    if (c < 2) {
                        return null;
                    }
                    // a spare column vanished: refill it deterministically and re-orthogonalise next pass
                    SplittableRandom rnd = new SplittableRandom(c * 31L + pass);
                    for (int j = 0; j < s; j++) {
                        q[j * b + c] = rnd.nextDouble() - 0.5;
                    }
                    c--;
                    continue;
                }
                for (int j = 0; j < s; j++) {
                    q[j * b + c] /= n;
                }
            }
        }
        return q;
    }

    private static double dot(double[] a, double[] b, int s, int bs, int c) {
        double d = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < s; j++) {
            d += a[j * bs + c] * b[j * bs + c];
            na += a[j * bs + c] * a[j * bs + c];
            nb += b[j * bs + c] * b[j * bs + c];
        }
        return na == 0 || nb == 0 ? 1 : d / Math.sqrt(na * nb);
    }

    private static void normalise(double[] v) {
        double n = 0;
        for (double d : v) {
            n += d * d;
        }
        n = Math.sqrt(n);
        if (n > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= n;
            }
        }
    }

    /** Signs are arbitrary: follow the previous run's component, else make the largest entry positive. */
    private static void orientSign(double[] v, double[] previous) {
        double ref = 0;
        if (previous != null && previous.length == v.length) {
            for (int i = 0; i < v.length; i++) {
                ref += v[i] * previous[i];
            }
        }
        if (ref == 0) {
            int best = 0;
            for (int i = 1; i < v.length; i++) {
                if (Math.abs(v[i]) > Math.abs(v[best]) + 1e-12) {
                    best = i;
                }
            }
            ref = v.length == 0 ? 1 : v[best];
        }
        if (ref < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
    }
}
