package org.parley.commitments;

import java.util.List;

/** Commitments grouped by text, theme or party: how many, average levels, how many at each verified level, overdue, complete. */
public record Rollup(String by, List<Row> rows) {

    public record Row(String key, String label, int commitments, double reportedAverage, double verifiedAverage,
                      int[] levels, int overdue, int complete) {
    }
}
