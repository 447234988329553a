package org.parley.engagement.opinion;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Weighted k-means on 2-D points: k-means++ seeding with a fixed seed (or given starting centres),
 * then Lloyd iterations accelerated with Hamerly's bounds (exactly the same result as plain Lloyd,
 * far fewer distance computations), until no label changes or, as scikit-learn stops, until the
 * centres moved by less than {@link #TOLERANCE} of the points' variance in total (then the labels are
 * brought up to date with the final centres). Deterministic for a given input.
 */
public final class KMeans {

    /** scikit-learn's default {@code tol}: stop when Σ |centre shift|² ≤ 10⁻⁴ × the mean variance of the coordinates. */
    static final double TOLERANCE = 1e-4;

    /** Centres (cx, cy), the label of every point, the total weight per centre and the weighted inertia. */
    public record Fit(double[] cx, double[] cy, int[] labels, double[] weight, double inertia, int iterations) {
        public int k() {
            return cx.length;
        }
    }

    private KMeans() {
    }

    /**
     * @param w weights (null = all 1)
     * @param initX initial centres (null = k-means++ with {@code seed}); their count is k
     */
    public static Fit fit(double[] x, double[] y, double[] w, int k, long seed, double[] initX, double[] initY, int maxIterations) {
        int n = x.length;
        if (n == 0 || k <= 0) {
            return new Fit(new double[0], new double[0], new int[n], new double[0], 0, 0);
        }
        double[] cx;
        double[] cy;
        if (initX != null) {
            cx = initX.clone();
            cy = initY.clone();
            k = cx.length;
        } else {
            k = Math.min(k, n);
            double[][] c = plusPlus(x, y, w, k, seed);
            cx = c[0];
            cy = c[1];
        }
        int[] label = new int[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        double[] half = new double[k];
        double[] move = new double[k];
        int chunks = Math.max(1, Math.min(64, n / 4096));
        final int kk = k;
        final double[] fcx = cx;
        final double[] fcy = cy;
        // first assignment: full scan
        IntStream.range(0, chunks).parallel().forEach(ch -> {
            int from = (int) ((long) n * ch / chunks);
            int to = (int) ((long) n * (ch + 1) / chunks);
            for (int i = from; i < to; i++) {
                fullScan(i, x, y, fcx, fcy, kk, label, upper, lower);
            }
        });
        double stop = TOLERANCE * variance(x, y, w);
        int it = 0;
        for (; it < maxIterations; it++) {
            // move centres to weighted means
            double[] sx = new double[k];
            double[] sy = new double[k];
            double[] sw = new double[k];
            for (int i = 0; i < n; i++) {
                double wi = w == null ? 1 : w[i];
                int l = label[i];
                sx[l] += wi * x[i];
                sy[l] += wi * y[i];
                sw[l] += wi;
            }
            double maxMove = 0;
            double secondMove = 0;
            int maxAt = -1;
            for (int j = 0; j < k; j++) {
                double nx = sw[j] > 0 ? sx[j] / sw[j] : cx[j];
                double ny = sw[j] > 0 ? sy[j] / sw[j] : cy[j];
                move[j] = dist(nx - cx[j], ny - cy[j]);
                cx[j] = nx;
                cy[j] = ny;
                if (move[j] > maxMove) {
                    secondMove = maxMove;
                    maxMove = move[j];
                    maxAt = j;
                } else if (move[j] > secondMove) {
                    secondMove = move[j];
                }
            }
            if (maxMove == 0) {
                break;
            }
            double shift = 0;
            for (int j = 0; j < k; j++) {
                shift += move[j] * move[j];
            }
            boolean settled = shift <= stop;
            for (int j = 0; j < k; j++) {
                double best = Double.MAX_VALUE;
                for (int o = 0; o < k; o++) {
                    if (o != j) {
                        best = Math.min(best, dist(cx[j] - cx[o], cy[j] - cy[o]));
                    }
                }
                half[j] = k == 1 ? Double.MAX_VALUE : best / 2;
            }
            final int fMaxAt = maxAt;
            final double fMax = maxMove;
            final double fSecond = secondMove;
            int[] changed = new int[chunks];
            IntStream.range(0, chunks).parallel().forEach(ch -> {
                int from = (int) ((long) n * ch / chunks);
                int to = (int) ((long) n * (ch + 1) / chunks);
                int c = 0;
                for (int i = from; i < to; i++) {
                    int l = label[i];
                    upper[i] += move[l];
                    lower[i] -= l == fMaxAt ? fSecond : fMax;
                    double bound = Math.max(half[l], lower[i]);
                    if (upper[i] <= bound) {
                        continue;
                    }
                    upper[i] = dist(x[i] - fcx[l], y[i] - fcy[l]);
                    if (upper[i] <= bound) {
                        continue;
                    }
                    fullScan(i, x, y, fcx, fcy, kk, label, upper, lower);
                    if (label[i] != l) {
                        c++;
                    }
                }
                changed[ch] = c;
            });
            if (settled || Arrays.stream(changed).sum() == 0) {
                it++;
                break;
            }
        }
        double[] weight = new double[k];
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            int l = label[i];
            weight[l] += wi;
            double dx = x[i] - cx[l];
            double dy = y[i] - cy[l];
            inertia += wi * (dx * dx + dy * dy);
        }
        return new Fit(cx, cy, label, weight, inertia, it);
    }

    /** Euclidean length (no overflow can occur here, so no need for {@link Math#hypot}, which is many times slower). */
    private static double dist(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** The mean of the two coordinates' (weighted) variances. */
    private static double variance(double[] x, double[] y, double[] w) {
        double sw = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            sw += wi;
            mx += wi * x[i];
            my += wi * y[i];
        }
        if (sw == 0) {
            return 0;
        }
        mx /= sw;
        my /= sw;
        double v = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            v += wi * ((x[i] - mx) * (x[i] - mx) + (y[i] - my) * (y[i] - my));
        }
        return v / sw / 2;
    }

    /** Best of several k-means++ starts (lowest inertia), for small point sets. */
    public static Fit best(double[] x, double[] y, double[] w, int k, long seed, int starts, int maxIterations) {
        Fit best = null;
        for (int s = 0; s < starts; s++) {
            Fit f = fit(x, y, w, k, seed + 7919L * s, null, null, maxIterations);
            if (best == null || f.inertia() < best.inertia() - 1e-12) {
                best = f;
            }
        }
        return best;
    }

    private static void fullScan(int i, double[] x, double[] y, double[] cx, double[] cy, int k, int[] label, double[] upper, double[] lower) {
        double b1 = Double.MAX_VALUE;
        double b2 = Double.MAX_VALUE;
        int at = 0;
        double px = x[i];
        double py = y[i];
        for (int j = 0; j < k; j++) {
            double dx = px - cx[j];
            double dy = py - cy[j];
            double d = dx * dx + dy * dy;
            if (d < b1) {
                b2 = b1;
                b1 = d;
                at = j;
            } else if (d < b2) {
                b2 = d;
            }
        }
        label[i] = at;
        upper[i] = Math.sqrt(b1);
        lower[i] = b2 == Double.MAX_VALUE ? Double.MAX_VALUE : Math.sqrt(b2);
    }

    /** k-means++ seeding (weighted by w·D²); on large inputs it seeds from a fixed sample of 20,000 points. */
    static double[][] plusPlus(double[] x, double[] y, double[] w, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = x.length;
        int[] pool;
        if (n > 20_000) {
            pool = new int[20_000];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = (int) ((long) i * n / pool.length);
            }
        } else {
            pool = IntStream.range(0, n).toArray();
        }
        int m = pool.length;
        double[] d = new double[m];
        Arrays.fill(d, Double.MAX_VALUE);
        double[] cx = new double[k];
        double[] cy = new double[k];
        boolean[] used = new boolean[m];
        int first = pickWeighted(pool, w, null, rnd, used);
        for (int c = 0; c < k; c++) {
            int pick;
            if (c == 0) {
                pick = first;
            } else {
                pick = pickWeighted(pool, w, d, rnd, used);
            }
            used[pick] = true;
            cx[c] = x[pool[pick]];
            cy[c] = y[pool[pick]];
            for (int i = 0; i < m; i++) {
                double dx = x[pool[i]] - cx[c];
                double dy = y[pool[i]] - cy[c];
                d[i] = Math.min(d[i], dx * dx + dy * dy);
            }
        }
        return new double[][] {cx, cy};
    }

    private static int pickWeighted(int[] pool, double[] w, double[] d, SplittableRandom rnd, boolean[] used) {
        int m = pool.length;
        double total = 0;
        for (int i = 0; i < m; i++) {
            if (!used[i]) {
                total += (w == null ? 1 : w[pool[i]]) * (d == null ? 1 : d[i]);
            }
        }
        if (total <= 0) { // every point coincides with a centre: take the first unused one
            for (int i = 0; i < m; i++) {
                if (!used[i]) {
                    return i;
                }
            }
            return 0;
        }
        double r = rnd.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < m; i++) {
            if (used[i]) {
                continue;
            }
            double v = (w == null ? 1 : w[pool[i]]) * (d == null ? 1 : d[i]);
            if (v <= 0) {
                continue;
            }
            last = i;
            r -= v;
            if (r <= 0) {
                return i;
            }
        }
        return last < 0 ? 0 : last;
    }
}
