package org.parley.engagement.opinion;

/** The mean silhouette coefficient of a labelled point set (Euclidean, unweighted, as scikit-learn's silhouette_score). */
public final class Silhouette {

    private Silhouette() {
    }

    public static double score(double[] x, double[] y, int[] labels, int k) {
        int n = x.length;
        if (n == 0 || k < 2) {
            return 0;
        }
        int[] size = new int[k];
        for (int l : labels) {
            size[l]++;
        }
        int nonEmpty = 0;
        for (int s : size) {
            if (s > 0) {
                nonEmpty++;
            }
        }
        if (nonEmpty < 2) {
            return 0;
        }
        double total = 0;
        double[] sum = new double[k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(sum, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum[labels[j]] += Math.hypot(x[i] - x[j], y[i] - y[j]);
                }
            }
            int own = labels[i];
            if (size[own] <= 1) {
                continue; // a singleton scores 0
            }
            double a = sum[own] / (size[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && size[c] > 0) {
                    b = Math.min(b, sum[c] / size[c]);
                }
            }
            double m = Math.max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / n;
    }
}
