package org.parley.engagement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small-cell suppression for the demographic breakdown per opinion group, so that no one can be picked out
 * by their answers: a group smaller than {@value #MIN_CELL} shows nothing; a count from 1 to
 * {@value #MIN_CELL}−1 is hidden; and where that leaves a single hidden cell in a group (whose size is
 * public, so the cell could be worked out by subtraction), the smallest other non-zero cell is hidden too.
 */
final class Breakdown {

    static final int MIN_CELL = 5;

    private Breakdown() {
    }

    /**
     * @param cells counts per answer, the last one "no answer"; they add up to {@code groupSize}
     * @return the counts to show, {@code null} where hidden
     */
    static List<Integer> suppress(int[] cells, int groupSize) {
        Integer[] shown = new Integer[cells.length];
        if (groupSize < MIN_CELL) {
            return Arrays.asList(shown);
        }
        int hidden = 0;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] > 0 && cells[i] < MIN_CELL) {
                hidden++;
            } else {
                shown[i] = cells[i];
            }
        }
        if (hidden == 1) {
            int smallest = -1;
            for (int i = 0; i < cells.length; i++) {
                if (shown[i] != null && cells[i] > 0 && (smallest < 0 || cells[i] < cells[smallest])) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                shown[smallest] = null;
            }
        }
        return new ArrayList<>(Arrays.asList(shown));
    }
}
