package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The bulk grouping rule on its own: distance, time window, compatible categories, nearest group. */
class GrouperTest {

    final Grouper grouper = new Grouper(2, 30);

    static Grouper.Item item(long id, long minute, double lat, double lon, Category c) {
        return new Grouper.Item(id, minute * 60, minute * 60, lat, lon, c, id);
    }

    @Test
    void groupsByDistanceTimeAndCategory() {
        int[] g = grouper.group(List.of(
                item(1, 0, 48.000, 37.800, Category.SHELLING),
                item(2, 10, 48.010, 37.800, Category.CIVILIAN_CASUALTIES), // 1.1 km, 10 min, compatible: same
                item(3, 15, 48.050, 37.800, Category.SHELLING),            // 5.5 km: new
                item(4, 100, 48.000, 37.800, Category.SHELLING),           // 90 min later: new
                item(5, 5, 48.000, 37.800, Category.TROOP_MOVEMENT),       // incompatible: new
                item(6, -20, 48.001, 37.801, Category.EXPLOSION)));         // earlier, within the window: same as 1
        assertThat(g[0]).isEqualTo(g[1]).isEqualTo(g[5]);
        assertThat(g[2]).isNotEqualTo(g[0]);
        assertThat(g[3]).isNotEqualTo(g[0]);
        assertThat(g[4]).isNotEqualTo(g[0]);
        assertThat(java.util.Arrays.stream(g).distinct().count()).isEqualTo(4);
    }

    @Test
    void aReportJoinsTheNearestOfTwoGroups() {
        int[] g = grouper.group(List.of(
                item(1, 0, 48.000, 37.800, Category.SHELLING),
                item(2, 1, 48.030, 37.800, Category.SHELLING),
                item(3, 2, 48.022, 37.800, Category.SHELLING)));
        assertThat(g[2]).isEqualTo(g[1]).isNotEqualTo(g[0]);
    }
}
