package org.parley.engagement.opinion;

import java.util.HashMap;
import java.util.Map;

/** The adjusted Rand index between two labelings of the same items (1 = identical up to renaming, ~0 = chance). */
public final class AdjustedRand {

    private AdjustedRand() {
    }

    public static double index(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labelings of different lengths");
        }
        long n = a.length;
        Map<Long, Long> cells = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> cols = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            cells.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1L, Long::sum);
            rows.merge(a[i], 1L, Long::sum);
            cols.merge(b[i], 1L, Long::sum);
        }
        double sumCells = 0;
        for (long c : cells.values()) {
            sumCells += pairs(c);
        }
        double sumRows = 0;
        for (long c : rows.values()) {
            sumRows += pairs(c);
        }
        double sumCols = 0;
        for (long c : cols.values()) {
            sumCols += pairs(c);
        }
        double total = pairs(n);
        if (total == 0) {
            return 1;
        }
        double expected = sumRows * sumCols / total;
        double max = (sumRows + sumCols) / 2;
        if (max == expected) {
            return 1;
        }
        return (sumCells - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
