package org.parley.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Groups many reports into events at once, by the same rule as a report arriving alone: a report joins the
 * nearest open group (its centroid within {@code km}, its time span within {@code minutes}, a compatible
 * category), else starts one. Reports are taken in time order; open groups sit in a grid of cells about
 * {@code km} wide, so each report looks at the groups of nine cells only, and groups that fell out of the
 * time window are dropped as the scan moves on: time O(n log n) for the sort, memory bounded by the groups
 * open within one window, not by n.
 */
final class Grouper {

    /** One report: time span in epoch seconds, place, category, who reported it. */
    record Item(long id, long fromSec, long toSec, double lat, double lon, Category category, long author) {
    }

    private static final class Group {
        final int index;
        final String kind;
        double sumLat;
        double sumLon;
        int n;
        long first;
        long last;
        long cell;

        Group(int index, String kind) {
            this.index = index;
            this.kind = kind;
        }

        double lat() {
            return sumLat / n;
        }

        double lon() {
            return sumLon / n;
        }
    }

    private final double km;
    private final long windowSec;
    private final double cellLat;
    private final double cellLon;

    Grouper(double km, int minutes) {
        this.km = km;
        this.windowSec = minutes * 60L;
        this.cellLat = km / 110.574;
        this.cellLon = km / (111.320 * Math.cos(Math.toRadians(60))); // wide enough up to 60° N
    }

    /** The group index of each item (same order as the input); groups are numbered from 0 in order of their first report. */
    int[] group(List<Item> items) {
        int[] order = timeOrder(items);
        int[] result = new int[items.size()];
        Map<Long, List<Group>> cells = new HashMap<>();
        int groups = 0;
        long lastSweep = Long.MIN_VALUE;
        for (int i : order) {
            Item it = items.get(i);
            if (it.fromSec() - lastSweep > windowSec * 4) {
                sweep(cells, it.fromSec());
                lastSweep = it.fromSec();
            }
            double kx = 111.320 * Math.cos(Math.toRadians(it.lat()));
            long cy = (long) Math.floor(it.lat() / cellLat);
            long cx = (long) Math.floor(it.lon() / cellLon);
            Group best = null;
            double bestKm = Double.MAX_VALUE;
            for (long dy = -1; dy <= 1; dy++) {
                for (long dx = -1; dx <= 1; dx++) {
                    List<Group> list = cells.get(key(cy + dy, cx + dx));
                    if (list == null) {
                        continue;
                    }
                    for (Group g : list) {
                        if (!g.kind.equals(it.category().group())) {
                            continue;
                        }
                        long gap = Math.max(0, Math.max(it.fromSec() - g.last, g.first - it.toSec()));
                        if (gap > windowSec) {
                            continue;
                        }
                        // equirectangular distance: exact enough at a few kilometres, and no trigonometry per candidate
                        double ex = (g.lon() - it.lon()) * kx;
                        double ey = (g.lat() - it.lat()) * 110.574;
                        double d = Math.sqrt(ex * ex + ey * ey);
                        if (d <= km && d < bestKm) {
                            best = g;
                            bestKm = d;
                        }
                    }
                }
            }
            if (best == null) {
                best = new Group(groups++, it.category().group());
                best.first = it.fromSec();
                best.last = it.toSec();
                best.cell = key(cy, cx);
                cells.computeIfAbsent(best.cell, k -> new ArrayList<>()).add(best);
            }
            best.sumLat += it.lat();
            best.sumLon += it.lon();
            best.n++;
            best.first = Math.min(best.first, it.fromSec());
            best.last = Math.max(best.last, it.toSec());
            result[i] = best.index;
        }
        return result;
    }

    /** Indexes of the items in time order: a primitive sort of (time, index) packed in one long when they fit. */
    static int[] timeOrder(List<Item> items) {
        int n = items.size();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Item it : items) {
            min = Math.min(min, it.fromSec());
            max = Math.max(max, it.fromSec());
        }
        int[] order = new int[n];
        if (n > 0 && n < (1 << 24) && max - min < (1L << 39)) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((items.get(i).fromSec() - min) << 24) | i;
            }
            Arrays.sort(keys);
            for (int i = 0; i < n; i++) {
                order[i] = (int) (keys[i] & 0xffffff);
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(items.get(a).fromSec(), items.get(b).fromSec()));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /** Drops the groups no later report can join: memory stays bounded by one time window. */
    private void sweep(Map<Long, List<Group>> cells, long now) {
        Iterator<Map.Entry<Long, List<Group>>> it = cells.entrySet().iterator();
        while (it.hasNext()) {
            List<Group> list = it.next().getValue();
            list.removeIf(g -> now - g.last > windowSec);
            if (list.isEmpty()) {
                it.remove();
            }
        }
    }

    private static long key(long cy, long cx) {
        return (cy << 32) ^ (cx & 0xffffffffL);
    }
}
