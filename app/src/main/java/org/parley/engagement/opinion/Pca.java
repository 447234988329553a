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
 *
 * <p>Each iteration is one pass over the votes, split in fixed chunks over the cores and summed in a
 * fixed order (deterministic). A cold start on many participants first converges on an evenly spread
 * sample of {@value #SAMPLE_ROWS} of them (a twentieth of a pass per iteration at a million) and
 * continues on everybody from there, to the same tolerance, so only the last few iterations read every
 * vote; the last pass also keeps {@code X·Q}, from which the projections follow without another pass.
 */
public final class Pca {

    /**
     * The result: column means, two unit components (each {@code statements} long), the projections of the
     * rows, and the iterations over all rows (after {@code sampleIterations} over a sample, on a cold start).
     */
    public record Result(double[] means, double[][] components, double[] x, double[] y, int iterations, int sampleIterations) {
    }

    private static final int BLOCK = 4;
    private static final int MAX_ITERATIONS = 500;
    /**
     * Converged when each of the two leading Ritz vectors moved by less than this (1 − |cos|) in the last
     * iteration. Each iteration shrinks the remaining error about a hundredfold on consultation data, so the
     * result is then within about 10⁻⁸ (0.01 degrees) of the exact components.
     */
    private static final double TOLERANCE = 1e-6;
    /** Above this many participants, a cold start settles on a sample of this many first. */
    static final int SAMPLE_ROWS = 50_000;
    static final int SKETCH_ROWS = 32;

    /** Where an iteration ended: the Ritz vectors (s × b), their rotation W, and X·Q of the last pass (n × b, when kept). */
    private record Iteration(double[] ritz, double[] w, double[] xq, int iterations) {
    }

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
            return new Result(means, new double[][] {new double[s], new double[s]}, new double[rows.length], new double[rows.length], 0, 0);
        }
        int b = Math.min(BLOCK, s);
        double[] centred = centred(means);
        boolean warm = warmStart != null && warmStart.length >= 2 && warmStart[0] != null && warmStart[0].length == s;
        double[] start = warm ? initial(s, b, warmStart) : sketch(m, rows, centred, s, b);
        int sampleIterations = 0;
        if (!warm && rows.length > SAMPLE_ROWS) {
            int[] sample = new int[SAMPLE_ROWS];
            for (int i = 0; i < SAMPLE_ROWS; i++) {
                sample[i] = rows[(int) ((long) i * rows.length / SAMPLE_ROWS)];
            }
            Iteration onSample = iterate(m, sample, centred, start, s, b, false);
            sampleIterations = onSample.iterations();
            double[] q = orthonormalize(onSample.ritz(), s, b);
            start = q != null ? q : start;
        }
        Iteration it = iterate(m, rows, centred, start, s, b, true);
        double[][] comps = new double[2][s];
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        double[][] out = {x, y};
        for (int c = 0; c < 2 && c < b; c++) {
            double norm = 0;
            for (int j = 0; j < s; j++) {
                comps[c][j] = it.ritz()[j * b + c];
                norm += comps[c][j] * comps[c][j];
            }
            norm = Math.sqrt(norm);
            boolean flip = orientSign(comps[c], warmStart == null || warmStart.length <= c ? null : warmStart[c]);
            normalise(comps[c]);
            // X·v = X·Q·W[:, c], from the last pass's X·Q; then the sparsity scaling
            double f = (flip ? -1 : 1) / (norm == 0 ? 1 : norm);
            double[] xq = it.xq();
            double[] w = it.w();
            double[] o = out[c];
            for (int i = 0; i < rows.length; i++) {
                double acc = 0;
                for (int t = 0; t < b; t++) {
                    acc += xq[i * b + t] * w[t * b + c];
                }
                int n = m.votesOf(rows[i]);
                o[i] = n == 0 ? 0 : acc * f * Math.sqrt((double) s / n);
            }
        }
        return new Result(means, comps, x, y, it.iterations(), sampleIterations);
    }

    /** Block power iteration with Rayleigh–Ritz from {@code q} (orthonormal, s × b) until the two leading Ritz vectors settle. */
    private static Iteration iterate(VoteMatrix m, int[] rows, double[] centred, double[] q, int s, int b, boolean keepXq) {
        int chunks = chunksFor(rows.length);
        double[] xq = keepXq ? new double[rows.length * b] : null;
        double[] prev = null;
        double[] ritz = null;
        double[] w = null;
        int it = 0;
        for (; it < MAX_ITERATIONS; it++) {
            double[] z = multiply(m, rows, centred, q, s, b, chunks, xq);
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
            w = Jacobi.eigen(t, b)[1];
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
            double[] next = orthonormalize(zw, s, b);
            if (next == null) { // rank-deficient: the current Ritz vectors are exact
                it++;
                break;
            }
            q = next;
        }
        return new Iteration(ritz, w, xq, it);
    }

    /** Mean vote per statement over the given participants' cast votes (pass = 0); 0 where nobody voted. */
    public static double[] means(VoteMatrix m, int[] rows) {
        int s = m.statements();
        int chunks = chunksFor(rows.length);
        long[][] sums = new long[chunks][];
        int[] ent = m.entries();
        IntStream.range(0, chunks).parallel().forEach(ch -> {
            // per statement: agrees − disagrees and votes cast, packed as two counters
            long[] acc = new long[2 * s];
            int from = (int) ((long) rows.length * ch / chunks);
            int to = (int) ((long) rows.length * (ch + 1) / chunks);
            for (int i = from; i < to; i++) {
                int r = rows[i];
                for (int k = m.start(r), e = m.end(r); k < e; k++) {
                    int c = ent[k] >>> 2;
                    acc[2 * c] += (ent[k] & 3) - 1;
                    acc[2 * c + 1]++;
                }
            }
            sums[ch] = acc;
        });
        double[] mean = new double[s];
        for (int j = 0; j < s; j++) {
            long sum = 0;
            long count = 0;
            for (long[] acc : sums) {
                sum += acc[2 * j];
                count += acc[2 * j + 1];
            }
            mean[j] = count == 0 ? 0 : (double) sum / count;
        }
        return mean;
    }

    /** The centred value of every possible entry: {@code vote − mean} at index {@code column << 2 | (vote + 1)}. */
    private static double[] centred(double[] means) {
        double[] t = new double[means.length * 4];
        for (int j = 0; j < means.length; j++) {
            for (int v = -1; v <= 1; v++) {
                t[VoteMatrix.pack(j, v)] = v - means[j];
            }
        }
        return t;
    }

    /** Projections of the given rows onto the components, with the sparsity scaling {@code sqrt(statements / votes)}. */
    public static void project(VoteMatrix m, int[] rows, double[] means, double[][] comps, double[] x, double[] y) {
        int s = m.statements();
        double[] c0 = comps[0];
        double[] c1 = comps[1];
        int chunks = chunksFor(rows.length);
        IntStream.range(0, chunks).parallel().forEach(ch -> {
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

    /**
     * Z = Xᵀ (X Q) for the centred sparse X, accumulated per chunk and summed in a fixed order (deterministic);
     * X Q is kept per row in {@code xq} when given.
     */
    private static double[] multiply(VoteMatrix m, int[] rows, double[] centred, double[] q, int s, int b, int chunks, double[] xq) {
        double[][] parts = new double[chunks][];
        int[] ent = m.entries();
        IntStream.range(0, chunks).parallel().forEach(ch -> {
            double[] z = new double[s * b];
            double[] yv = new double[b];
            int from = (int) ((long) rows.length * ch / chunks);
            int to = (int) ((long) rows.length * (ch + 1) / chunks);
            for (int i = from; i < to; i++) {
                int r = rows[i];
                int ks = m.start(r);
                int ke = m.end(r);
                if (b == 4) {
                    // an entry is its own index into the centred values, and (entry & ~3) = column·4 into Q and Z;
                    // two entries a step into two sets of sums, so that the additions do not wait on each other
                    double y0 = 0, y1 = 0, y2 = 0, y3 = 0;
                    double u0 = 0, u1 = 0, u2 = 0, u3 = 0;
                    int k = ks;
                    for (; k + 1 < ke; k += 2) {
                        int e = ent[k];
                        int f = ent[k + 1];
                        double xv = centred[e];
                        double xf = centred[f];
                        int o = e & ~3;
                        int p = f & ~3;
                        y0 += xv * q[o];
                        y1 += xv * q[o + 1];
                        y2 += xv * q[o + 2];
                        y3 += xv * q[o + 3];
                        u0 += xf * q[p];
                        u1 += xf * q[p + 1];
                        u2 += xf * q[p + 2];
                        u3 += xf * q[p + 3];
                    }
                    if (k < ke) {
                        int e = ent[k];
                        double xv = centred[e];
                        int o = e & ~3;
                        y0 += xv * q[o];
                        y1 += xv * q[o + 1];
                        y2 += xv * q[o + 2];
                        y3 += xv * q[o + 3];
                    }
                    y0 += u0;
                    y1 += u1;
                    y2 += u2;
                    y3 += u3;
                    if (xq != null) {
                        xq[i * 4] = y0;
                        xq[i * 4 + 1] = y1;
                        xq[i * 4 + 2] = y2;
                        xq[i * 4 + 3] = y3;
                    }
                    for (k = ks; k < ke; k++) {
                        int e = ent[k];
                        double xv = centred[e];
                        int o = e & ~3;
                        z[o] += xv * y0;
                        z[o + 1] += xv * y1;
                        z[o + 2] += xv * y2;
                        z[o + 3] += xv * y3;
                    }
                } else {
                    Arrays.fill(yv, 0);
                    for (int k = ks; k < ke; k++) {
                        int e = ent[k];
                        int c = e >>> 2;
                        double xv = centred[e];
                        for (int t = 0; t < b; t++) {
                            yv[t] += xv * q[c * b + t];
                        }
                    }
                    if (xq != null) {
                        System.arraycopy(yv, 0, xq, i * b, b);
                    }
                    for (int k = ks; k < ke; k++) {
                        int e = ent[k];
                        int c = e >>> 2;
                        double xv = centred[e];
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

    /**
     * A cold start in the span of the participants' votes rather than at random: each column sums the centred
     * votes of {@value #SKETCH_ROWS} participants spread evenly over the rows, with random signs. Voters' rows
     * lie mostly along the leading components, so the iteration starts close to them (a few passes fewer).
     */
    private static double[] sketch(VoteMatrix m, int[] rows, double[] centred, int s, int b) {
        double[] q = initial(s, b, null);
        for (int j = 0; j < q.length; j++) {
            q[j] *= 1e-3;
        }
        SplittableRandom rnd = new SplittableRandom(20_26L);
        int[] ent = m.entries();
        int n = Math.min(rows.length, SKETCH_ROWS * b);
        for (int t = 0; t < n; t++) {
            int r = rows[(int) ((long) t * rows.length / n)];
            int c = t % b;
            double sign = rnd.nextBoolean() ? 1 : -1;
            for (int k = m.start(r), e = m.end(r); k < e; k++) {
                q[(ent[k] >>> 2) * b + c] += sign * centred[ent[k]];
            }
        }
        double[] o = orthonormalize(q, s, b);
        return o != null ? o : initial(s, b, null);
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
            // the previous components as they are (the random spare columns keep the block full rank): when the
            // votes barely changed, two passes confirm them
            for (int c = 0; c < Math.min(2, Math.min(b, warm.length)); c++) {
                if (warm[c] != null && warm[c].length == s) {
                    for (int j = 0; j < s; j++) {
                        q[j * b + c] = warm[c][j];
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

    /** Signs are arbitrary: follow the previous run's component, else make the largest entry positive. True when flipped. */
    private static boolean orientSign(double[] v, double[] previous) {
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
            return true;
        }
        return false;
    }
}
