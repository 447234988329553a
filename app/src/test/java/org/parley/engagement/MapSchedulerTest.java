package org.parley.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The background recompute keeps to its share of one core: a long round pushes the next one out. */
class MapSchedulerTest {

    @Test
    void aRoundLongerThanItsShareAllowsPushesTheNextOut() {
        MapScheduler tenth = new MapScheduler(null, null, null, 1000, 0.1);
        assertThat(tenth.pauseAfter(50)).as("a short round: the interval").isEqualTo(1000);
        assertThat(tenth.pauseAfter(111)).isEqualTo(1000);
        assertThat(tenth.pauseAfter(200)).as("200 ms of work is a tenth of 2 s").isEqualTo(1800);
        assertThat(tenth.pauseAfter(1846)).as("a million participants' incremental round").isEqualTo(16614);
        assertThat(new MapScheduler(null, null, null, 1000, 1.0).pauseAfter(5000)).as("a whole core: only the interval").isEqualTo(1000);
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new MapScheduler(null, null, null, 1000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MapScheduler(null, null, null, 1000, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
