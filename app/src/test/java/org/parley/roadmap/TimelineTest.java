package org.parley.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A long roadmap is drawn a page at a time, every page on the whole roadmap's time scale. */
class TimelineTest {

    static final LocalDate D0 = LocalDate.of(2026, 1, 1);

    @Test
    void pagesShareOneScaleAndDrawOnlyTheirOwnRowsAndArrows() {
        List<Milestone> all = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            // Each tenth milestone waits for the one before it.
            all.add(milestone(i, D0.plusDays(i), i % 10 == 0 ? List.of((long) i - 1) : List.of()));
        }
        Timeline whole = Timeline.of(D0, D0, all, null, null);
        Timeline first = Timeline.of(D0, D0, all, null, null, 0, 100);
        Timeline last = Timeline.of(D0, D0, all, null, null, 200, 100);

        assertThat(whole.bars()).hasSize(250);
        assertThat(first.bars()).hasSize(100);
        assertThat(first.total()).isEqualTo(250);
        assertThat(last.bars()).extracting(b -> b.milestone().id()).startsWith(201L, 202L).endsWith(250L).hasSize(50);
        assertThat(last.bars().getFirst().row()).isZero();
        assertThat(last.bars().getFirst().y()).isEqualTo(first.bars().getFirst().y());
        assertThat(last.height()).isLessThan(first.height());
        // Same scale: a milestone sits at the same x on its page as on the whole chart.
        assertThat(last.from()).isEqualTo(whole.from());
        assertThat(last.to()).isEqualTo(whole.to());
        assertThat(last.bars().getLast().x()).isEqualTo(whole.bars().getLast().x());
        // Arrows only between rows of the page: 210→209 … 250→249 on the last page; 200→199 is not there.
        assertThat(last.links()).extracting(Timeline.Link::toId).containsExactly(210L, 220L, 230L, 240L, 250L);
    }

    @Test
    void aPagePastTheEndShowsTheLastPage() {
        List<Milestone> all = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            all.add(milestone(i, D0.plusDays(i), List.of()));
        }
        Timeline t = Timeline.of(D0, D0, all, null, null, 100_000, 100);
        assertThat(t.first()).isEqualTo(100);
        assertThat(t.bars()).hasSize(20);
        assertThat(Timeline.of(D0, D0, List.of(), null, null, 500, 100).first()).isZero();
    }

    private static Milestone milestone(long id, LocalDate due, List<Long> dependsOn) {
        return new Milestone(id, 1, null, "Milestone " + id, null, DueKind.DATE, due, null, null, null,
                MilestoneStatus.PLANNED, null, List.of(), dependsOn, due, false, false, false);
    }
}
